using ResearchBot.Storage;
using static ResearchBot.Tests.Storage.TestPapers;

namespace ResearchBot.Tests.Storage;

/// <summary>The store's reads run on the driver's async API and give up when their token is cancelled.</summary>
public class SqlitePaperQueriesTests
{
    public static TheoryData<string> Reads => ["get", "find", "listed on", "listing days", "count", "stats"];

    private static Task Read(IPaperStore store, string read, CancellationToken ct) => read switch
    {
        "get" => store.GetAsync(Diffusion.Id, ct),
        "find" => store.FindAsync("diffusion image synthesis", ct),
        "listed on" => store.GetListedOnAsync(Day(4), ct),
        "listing days" => store.GetListingDaysAsync(ct),
        "count" => store.CountAsync(Day(1), Day(30), ct),
        "stats" => store.GetStatsAsync(ct),
        _ => throw new ArgumentOutOfRangeException(nameof(read)),
    };

    [Theory]
    [MemberData(nameof(Reads))]
    public async Task A_read_with_a_cancelled_token_is_cancelled(string read)
    {
        using var t = TestStore.InMemory();
        await t.Store.UpsertAsync(Corpus);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Read(t.Store, read, new CancellationToken(canceled: true)));
        await Read(t.Store, read, CancellationToken.None); // the same read with a live token answers
    }

    [Fact]
    public async Task Find_by_title_words_returns_the_paper_with_its_listings()
    {
        using var t = TestStore.InMemory();
        await t.Store.UpsertAsync(Corpus);

        var found = await t.Store.FindAsync("diffusion image synthesis");

        Assert.Equal(Diffusion.Id, found?.Id);
        Assert.Equal(Diffusion.Listings, found?.Listings);
        Assert.Null(await t.Store.FindAsync("\"unbalanced quote AND OR NEAR("));
    }

    [Fact]
    public async Task Writes_with_a_cancelled_token_change_nothing()
    {
        using var t = TestStore.InMemory();
        await t.Store.UpsertAsync(Corpus);
        var before = t.Dump();
        var cancelled = new CancellationToken(canceled: true);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => t.Store.UpsertAsync([Make("A New Paper", "About something else entirely.", 9)], cancelled));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => t.Store.DeleteAsync([Diffusion.Id], cancelled));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => t.Store.ReembedAsync(cancellationToken: cancelled));

        Assert.Equal(before, t.Dump());
    }
}
