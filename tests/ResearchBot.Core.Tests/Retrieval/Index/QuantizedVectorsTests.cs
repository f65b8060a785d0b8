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
}
