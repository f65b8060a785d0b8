using ResearchBot.Tests.Storage;
using static ResearchBot.Tests.Storage.TestPapers;

namespace ResearchBot.Tests.Retrieval.Index;

public class SearchSnapshotTests
{
    [Fact]
    public async Task Postings_preloaded_together_are_the_ones_read_one_at_a_time()
    {
        using var t = TestStore.InMemory();
        await t.Store.UpsertAsync(Corpus);
        var terms = t.Ranker.Snapshot().DocumentFrequency.Keys.Take(40).Append("no-such-term").ToList();

        using var other = TestStore.InMemory();
        await other.Store.UpsertAsync(Corpus);
        var oneByOne = other.Ranker.Snapshot();
        var preloaded = t.Ranker.Snapshot();
        preloaded.Preload(terms);

        foreach (var term in terms)
        {
            var a = oneByOne.Postings(term);
            var b = preloaded.Postings(term);
            Assert.Equal(a.Count, b.Count);
            Assert.Equal(a.Docs.Take(a.Count), b.Docs.Take(b.Count));
            Assert.Equal(a.AbstractTf.Take(a.Count), b.AbstractTf.Take(b.Count));
        }
    }
}
