using ResearchBot.Embeddings;
using ResearchBot.Retrieval.Index;
using ResearchBot.Storage;
using ResearchBot.Tests.Storage;
using static ResearchBot.Tests.Storage.TestPapers;

namespace ResearchBot.Tests.Retrieval.Index;

public class HybridRankerTests
{
    private static async Task<ReadOnlyMemory<float>> VectorAsync(TestStore t, string text) =>
        (await t.Embedder.GenerateAsync([text]))[0].Vector;

    [Fact]
    public void An_empty_store_ranks_nothing()
    {
        using var t = TestStore.InMemory();
        Assert.Empty(t.Ranker.Rank("diffusion", null, DayRange.All, 10));
    }

    [Fact]
    public async Task Keywords_alone_rank_the_matching_paper_first()
    {
        using var t = TestStore.InMemory();
        await t.Store.UpsertAsync(Corpus);

        var ranked = t.Ranker.Rank("legged robot locomotion", null, DayRange.All, 3);

        Assert.Equal(Robotics.Title, ranked[0].Title);
        Assert.True(ranked.Count <= 3);
    }

    [Fact]
    public async Task A_vector_alone_ranks_the_paper_it_was_made_from_first()
    {
        using var t = TestStore.InMemory();
        await t.Store.UpsertAsync(Corpus);

        var ranked = t.Ranker.Rank("", await VectorAsync(t, PaperEmbeddingText.Of(Speech)), DayRange.All, 3);

        Assert.Equal(Speech.Title, ranked[0].Title);
    }

    [Fact]
    public async Task The_day_range_is_inclusive_and_excludes_undated_papers()
    {
        using var t = TestStore.InMemory();
        await t.Store.UpsertAsync([.. Corpus, Make("Undated Diffusion Survey", "A survey of diffusion models.")]);
        var query = "diffusion models images language speech robots molecules";
        var vector = await VectorAsync(t, query);

        var ranked = t.Ranker.Rank(query, vector, DayRange.Of(Day(4), Day(6)), 20);
        var open = t.Ranker.Rank(query, vector, DayRange.All, 20);

        Assert.NotEmpty(ranked);
        Assert.All(ranked, r => Assert.Contains(r.Title, new[] { Diffusion.Title, Quantization.Title, Rag.Title }));
        Assert.Contains(open, r => r.Title == "Undated Diffusion Survey");
    }

    [Fact]
    public async Task The_snapshot_follows_writes()
    {
        using var t = TestStore.InMemory();
        await t.Store.UpsertAsync(Corpus);
        var first = t.Ranker.Snapshot();
        Assert.Same(first, t.Ranker.Snapshot());
        Assert.Empty(t.Ranker.Rank("tokenizer", null, DayRange.All, 5));

        await t.Store.UpsertAsync([Make("Byte Pair Tokenizer Learning", "Learning a tokenizer vocabulary.", day: 14)]);

        Assert.NotSame(first, t.Ranker.Snapshot());
        Assert.Equal(9, t.Ranker.Snapshot().Count);
        Assert.Equal("Byte Pair Tokenizer Learning", t.Ranker.Rank("tokenizer", null, DayRange.All, 5)[0].Title);
    }

    [Fact]
    public async Task Nothing_is_returned_for_a_top_of_zero()
    {
        using var t = TestStore.InMemory();
        await t.Store.UpsertAsync(Corpus);
        Assert.Empty(t.Ranker.Rank("diffusion", null, DayRange.All, 0));
    }

    [Fact]
    public void Day_ranges_are_inclusive_and_open_ranges_include_undated_papers()
    {
        var range = DayRange.Of(Day(3), Day(5));
        Assert.True(range.Contains(Day(3).DayNumber));
        Assert.True(range.Contains(Day(5).DayNumber));
        Assert.False(range.Contains(Day(6).DayNumber));
        Assert.False(range.Contains(int.MinValue));
        Assert.True(DayRange.All.Contains(int.MinValue));
        Assert.False(DayRange.Of(Day(3), null).Contains(int.MinValue));
    }
}
