using ResearchBot.Papers;
using ResearchBot.Storage;

namespace ResearchBot.Tests.Storage;

/// <summary>Papers that share a generic title but carry different arXiv ids stay two papers; the same paper by title still merges.</summary>
public sealed class SameTitleTests
{
    private static Paper Make(string id, string title, string @abstract) => new() { Id = id, Title = title, Abstract = @abstract };

    [Fact]
    public async Task Different_arxiv_ids_with_one_title_are_two_papers_across_calls_and_within_a_batch()
    {
        using var t = TestStore.InMemory();
        await t.Store.UpsertAsync([Make("2401.00001", "Technical Report", "Alpha model report.")]);
        var second = await t.Store.UpsertAsync([Make("2502.00002", "Technical Report", "Beta model report, a longer abstract.")]);
        var batch = await t.Store.UpsertAsync([Make("2603.00003", "Erratum", "First erratum."), Make("2603.00004", "Erratum", "Second erratum.")]);

        Assert.Equal(new UpsertResult(1, 0, 0), second);
        Assert.Equal(new UpsertResult(2, 0, 0), batch);
        Assert.Equal("Alpha model report.", (await t.Store.GetAsync("2401.00001"))!.Abstract);
        Assert.Equal("Beta model report, a longer abstract.", (await t.Store.GetAsync("2502.00002"))!.Abstract);
        Assert.Equal(4, (await t.Store.GetStatsAsync()).Papers);
    }

    [Fact]
    public async Task A_title_hash_id_still_merges_into_the_arxiv_record_of_the_same_title()
    {
        using var t = TestStore.InMemory();
        await t.Store.UpsertAsync([Make(PaperId.FromTitle("Keyformer: KV Cache Reduction"), "Keyformer: KV Cache Reduction", "Short.")]);
        var result = await t.Store.UpsertAsync([Make("2403.09054", "Keyformer: KV Cache Reduction", "A longer abstract from the API.")]);

        Assert.Equal(new UpsertResult(0, 1, 0), result);
        Assert.Equal("A longer abstract from the API.", (await t.Store.GetAsync("2403.09054"))!.Abstract);
        Assert.Equal(1, (await t.Store.GetStatsAsync()).Papers);
    }
}
