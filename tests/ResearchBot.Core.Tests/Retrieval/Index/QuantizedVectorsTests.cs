using System.Numerics.Tensors;
using ResearchBot.Retrieval.Index;

namespace ResearchBot.Tests.Retrieval.Index;

public class QuantizedVectorsTests
{
    private static float[] RandomUnit(Random random, int dims)
    {
        var v = new float[dims];
        for (var i = 0; i < dims; i++) v[i] = (float)(random.NextDouble() * 2 - 1);
        TensorPrimitives.Divide(v, TensorPrimitives.Norm(v), v);
        return v;
    }

    [Fact]
    public void Dot_products_are_close_to_the_float_ones()
    {
        var random = new Random(7);
        var vectors = new QuantizedVectors(20, 384);
        var stored = Enumerable.Range(0, 20).Select(_ => RandomUnit(random, 384)).ToArray();
        for (var d = 0; d < stored.Length; d++) vectors.Set(d, stored[d]);
        var query = RandomUnit(random, 384);
        var scores = new float[20];

        vectors.DotAll(query, scores);

        for (var d = 0; d < stored.Length; d++) Assert.Equal(TensorPrimitives.Dot(query, stored[d]), scores[d], 0.02f);
    }

    [Fact]
    public void Unset_and_zero_vectors_score_zero()
    {
        var vectors = new QuantizedVectors(3, 4);
        vectors.Set(1, new float[4]);
        vectors.Set(2, [1, 0, 0, 0]);
        var scores = new float[3];

        vectors.DotAll([1, 0, 0, 0], scores);

        Assert.Equal([0f, 0f], scores[..2]);
        Assert.Equal(1f, scores[2], 0.01f);
        Assert.Equal(3, vectors.Capacity);
        Assert.Equal(4, vectors.Dimensions);
    }

    [Fact]
    public void The_byte_dot_product_matches_a_plain_loop()
    {
        var random = new Random(3);
        foreach (var length in new[] { 5, 32, 77, 384 })
        {
            var a = Enumerable.Range(0, length).Select(_ => (sbyte)random.Next(-127, 128)).ToArray();
            var b = Enumerable.Range(0, length).Select(_ => (sbyte)random.Next(-127, 128)).ToArray();
            Assert.Equal(a.Zip(b, (x, y) => x * y).Sum(), QuantizedVectors.Dot(a, b));
        }
    }

    private static float[] Near(Random random, float[] to, double noise)
    {
        var v = RandomUnit(random, to.Length);
        for (var i = 0; i < v.Length; i++) v[i] = (float)(to[i] + noise * v[i]);
        TensorPrimitives.Divide(v, TensorPrimitives.Norm(v), v);
        return v;
    }

    [Fact]
    public void Score_is_the_byte_dot_product_DotAll_gives()
    {
        var random = new Random(11);
        var vectors = new QuantizedVectors(50, 256);
        for (var d = 0; d < 50; d++) vectors.Set(d, RandomUnit(random, 256));
        var query = RandomUnit(random, 256);
        var all = new float[50];
        vectors.DotAll(query, all);

        var prepared = vectors.Prepare(query);

        for (var d = 0; d < 50; d++) Assert.Equal(all[d], prepared.Score(d));
    }

    [Fact]
    public void The_binary_code_estimate_follows_the_dot_product()
    {
        var random = new Random(5);
        var query = RandomUnit(random, 256);
        var stored = Enumerable.Range(0, 400).Select(i => Near(random, query, i % 4 == 0 ? 0.3 : i % 4 == 1 ? 1 : 3)).ToArray();
        var vectors = new QuantizedVectors(stored.Length + 1, 256);
        for (var d = 0; d < stored.Length; d++) vectors.Set(d, stored[d]);
        var prepared = vectors.Prepare(query);

        for (var d = 0; d < stored.Length; d++) Assert.Equal(TensorPrimitives.Dot(query, stored[d]), prepared.Estimate(d), 0.25f);
        Assert.Equal(0f, prepared.Estimate(stored.Length));
        Assert.Equal(0f, prepared.Score(stored.Length));
    }

    [Theory]
    [InlineData(256)]   // the four-word code held in registers
    [InlineData(100)]   // any other size
    public void The_batch_estimate_gives_what_one_document_at_a_time_gives(int dims)
    {
        var random = new Random(11);
        var query = RandomUnit(random, dims);
        var stored = Enumerable.Range(0, 300).Select(_ => RandomUnit(random, dims)).ToArray();
        var vectors = new QuantizedVectors(stored.Length + 1, dims);
        for (var d = 0; d < stored.Length; d++) vectors.Set(d, stored[d]);
        var prepared = vectors.Prepare(query);

        var estimates = new float[stored.Length + 1];
        prepared.EstimateAll(estimates, 0.5f);

        for (var d = 0; d <= stored.Length; d++) Assert.Equal(0.5f * prepared.Estimate(d), estimates[d], 1e-5f);
    }

    [Fact]
    public void Vectors_close_to_the_query_lead_the_binary_code_estimates()
    {
        var random = new Random(9);
        const int count = 5000;
        var query = RandomUnit(random, 256);
        var vectors = new QuantizedVectors(count, 256);
        var close = new HashSet<int>();
        for (var d = 0; d < count; d++)
        {
            var isClose = d % 250 == 0;
            if (isClose) close.Add(d);
            vectors.Set(d, isClose ? Near(random, query, 1.2) : RandomUnit(random, 256));
        }
        var prepared = vectors.Prepare(query);

        var shortlist = Enumerable.Range(0, count).OrderByDescending(prepared.Estimate).Take(100).ToHashSet();

        Assert.Subset(shortlist, close);
    }

    [Fact]
    public void Codes_cover_dimensions_that_are_not_a_multiple_of_64()
    {
        var vectors = new QuantizedVectors(2, 70);
        var a = new float[70]; a[69] = 1;
        var b = new float[70]; b[69] = -1;
        vectors.Set(0, a);
        vectors.Set(1, b);

        var prepared = vectors.Prepare(a);

        Assert.True(prepared.Estimate(0) > prepared.Estimate(1));
        Assert.Equal(1f, prepared.Score(0), 0.01f);
    }

    [Fact]
    public void Every_sign_is_coded_whatever_the_dimensions()
    {
        var random = new Random(13);
        foreach (var dims in new[] { 3, 8, 70, 77, 256, 384 })
        {
            var v = RandomUnit(random, dims);
            var negated = v.Select(x => -x).ToArray();
            var vectors = new QuantizedVectors(2, dims);
            vectors.Set(0, v);
            vectors.Set(1, negated);

            var prepared = vectors.Prepare(v);

            // Same signs in every dimension: distance 0, cosine 1; opposite signs in every dimension: cosine -1.
            Assert.Equal(1f, prepared.Estimate(0), 0.001f);
            Assert.Equal(-1f, prepared.Estimate(1), 0.001f);
        }
    }
}
