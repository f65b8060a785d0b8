using ResearchBot.Retrieval.Index;
using ResearchBot.Storage;

namespace ResearchBot.Tests.Storage;

public class VectorLoadTests
{
    private static float[] Vector(Random random, int dims) => [.. Enumerable.Range(0, dims).Select(_ => (float)(random.NextDouble() * 2 - 1))];

    [Fact]
    public void Loads_what_setting_each_vector_gives_across_many_batches()
    {
        const int capacity = 20_000, dims = 64;
        var random = new Random(5);
        var stored = Enumerable.Range(0, capacity).Where(d => d % 3 != 0).ToDictionary(d => d, d => VectorCodec.Encode(Vector(random, dims)));
        var expected = new QuantizedVectors(capacity, dims);
        foreach (var (doc, bytes) in stored) expected.Set(doc, VectorCodec.Decode(bytes));

        QuantizedVectors? loaded;
        using (var load = new VectorLoad(capacity))
        {
            foreach (var (doc, bytes) in stored) load.Add(doc, bytes);
            loaded = load.Complete();
        }

        Assert.NotNull(loaded);
        var query = Vector(random, dims);
        var a = new float[capacity];
        var b = new float[capacity];
        expected.DotAll(query, a);
        loaded.DotAll(query, b);
        Assert.Equal(a, b);
    }

    [Fact]
    public void Rows_of_other_dimensions_or_beyond_the_capacity_are_skipped()
    {
        var random = new Random(6);
        var first = Vector(random, 8);
        using var load = new VectorLoad(10);
        load.Add(1, VectorCodec.Encode(first));
        load.Add(2, VectorCodec.Encode(Vector(random, 16)));
        load.Add(10, VectorCodec.Encode(Vector(random, 8)));

        var vectors = load.Complete();

        Assert.NotNull(vectors);
        Assert.Equal(8, vectors.Dimensions);
        var scores = new float[10];
        vectors.DotAll(first, scores);
        Assert.True(scores[1] > 0);
        Assert.Equal(0, scores[2]);
    }

    [Fact]
    public void No_rows_give_no_vectors()
    {
        using var load = new VectorLoad(100);
        Assert.Null(load.Complete());
    }
}
