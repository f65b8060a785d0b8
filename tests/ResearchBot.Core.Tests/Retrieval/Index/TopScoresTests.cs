using ResearchBot.Retrieval.Index;

namespace ResearchBot.Tests.Retrieval.Index;

public class TopScoresTests
{
    /// <summary>The reference: sort everything above the floor and take the best.</summary>
    private static HashSet<float> BestValues(float[] scores, int count, float floor) =>
        [.. scores.Where(v => v > floor).OrderDescending().Take(count)];

    [Theory]
    [InlineData(100, 10, 1)]
    [InlineData(5_000, 50, 2)]
    [InlineData(100_000, 2_000, 3)]   // the sampled path: a small share of a large array
    [InlineData(100_000, 500, 4)]
    [InlineData(30_000, 5_000, 5)]    // a large share: the histogram over everything
    public void Selects_the_highest_scores_as_sorting_would(int length, int count, int seed)
    {
        var random = new Random(seed);
        var scores = new float[length];
        for (var i = 0; i < length; i++) scores[i] = (float)(random.NextDouble() * 2 - 0.5);
        for (var i = 0; i < length; i += 7) scores[i] = float.NegativeInfinity; // papers out of range

        var picked = TopScores.Select(scores, count, float.NegativeInfinity);

        Assert.Equal(count, picked.Count);
        Assert.Equal(count, picked.Distinct().Count());
        Assert.Equal(BestValues(scores, count, float.NegativeInfinity), [.. picked.Select(i => scores[i])]);
    }

    [Fact]
    public void Only_scores_above_the_floor_count_and_fewer_come_back_when_fewer_clear_it()
    {
        var scores = new float[50_000];
        scores[10] = 0.5f; scores[20_000] = 0.25f; scores[49_999] = 1f;

        var picked = TopScores.Select(scores, 2_000, 0f);

        Assert.Equal([10, 20_000, 49_999], picked.Order());
    }

    [Fact]
    public void Ties_at_the_cut_fill_exactly_the_count()
    {
        var scores = Enumerable.Repeat(0.5f, 80_000).ToArray();
        for (var i = 0; i < 100; i++) scores[i * 800] = 0.9f;

        var picked = TopScores.Select(scores, 1_000, float.NegativeInfinity);

        Assert.Equal(1_000, picked.Count);
        Assert.Equal(1_000, picked.Distinct().Count());
        Assert.All(Enumerable.Range(0, 100), i => Assert.Contains(i * 800, picked));
    }

    [Fact]
    public void Skewed_scores_where_the_sample_misses_the_best_still_select_exactly()
    {
        // The best scores all sit between the sampled positions (every 64th): the selection must still find them.
        var scores = new float[64 * 1_000];
        for (var i = 0; i < scores.Length; i++) scores[i] = i % 64 == 0 ? 0f : 1f + i % 64;

        var picked = TopScores.Select(scores, 3_000, float.NegativeInfinity);

        Assert.Equal(BestValues(scores, 3_000, float.NegativeInfinity).Min(), picked.Min(i => scores[i]));
        Assert.Equal(3_000, picked.Distinct().Count());
    }
}

public class GallopTests
{
    [Fact]
    public void Finds_the_first_position_at_or_after_the_document_as_a_linear_walk_would()
    {
        var random = new Random(3);
        var docs = Enumerable.Range(0, 5_000).Select(_ => random.Next(200_000)).Distinct().Order().ToArray();
        var at = 0;
        foreach (var target in Enumerable.Range(0, 400).Select(_ => random.Next(210_000)).Order())
        {
            var expected = at;
            while (expected < docs.Length && docs[expected] < target) expected++;
            at = HybridRanker.Gallop(docs, at, docs.Length, target);
            Assert.Equal(expected, at);
        }
    }
}
