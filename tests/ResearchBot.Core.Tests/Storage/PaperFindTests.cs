using ResearchBot.Papers;
using ResearchBot.Storage;

namespace ResearchBot.Tests.Storage;

/// <summary><see cref="SqlitePaperStore.FindAsync"/>: by id, by title key, then by title words through the FTS5 title index.</summary>
public sealed class PaperFindTests
{
    private static Paper Make(string title, string id) => new() { Id = id, Title = title, Abstract = "An abstract about " + title.ToLowerInvariant() + "." };

    [Fact]
    public async Task Finds_by_id_then_by_title_words_and_returns_null_when_nothing_matches()
    {
        using var t = TestStore.InMemory();
        await t.Store.UpsertAsync([
            Make("ScatterFormer: Efficient Voxel Transformer with Scattered Linear Attention", "2401.00001"),
            Make("Keyformer: KV Cache Reduction through Key Tokens Selection", "2401.00002"),
        ]);

        Assert.Equal("2401.00002", (await t.Store.FindAsync("2401.00002"))!.Id);
        Assert.Equal("2401.00001", (await t.Store.FindAsync("scatterformer"))!.Id);
        Assert.Equal("2401.00002", (await t.Store.FindAsync("kv cache key tokens"))!.Id);
        Assert.Null(await t.Store.FindAsync("brisket smoking"));
        Assert.Null(await t.Store.FindAsync("?!"));
    }
}
