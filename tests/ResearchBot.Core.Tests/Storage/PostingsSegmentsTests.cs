using Microsoft.Data.Sqlite;
using ResearchBot.Embeddings;
using ResearchBot.Papers;
using ResearchBot.Retrieval;
using ResearchBot.Retrieval.Lexical;
using ResearchBot.Storage;
using ResearchBot.Tests.Ingestion;
using static ResearchBot.Tests.Storage.TestPapers;

namespace ResearchBot.Tests.Storage;

/// <summary>
/// A term's postings stored as its row plus segments appended by later writes (<see cref="SqliteTermRows"/>): whatever the
/// writes, the postings read back are exactly those of one write of the same papers.
/// </summary>
public class PostingsSegmentsTests
{
    /// <summary>Papers sharing the words "attention" and "model", each with a word of its own.</summary>
    private static List<Paper> Papers(int from, int count) =>
        [.. Enumerable.Range(from, count).Select(i => Make($"Attention model number {Words[i % Words.Length]} {i}",
            $"An attention model with {Words[(i * 7) % Words.Length]} and {Words[(i * 3) % Words.Length]} layers, variant {i}.", 1 + i % 20))];

    private static string Stem(string word) => ResearchBot.Text.Analysis.TextAnalyzer.Default.Stem(word);

    private static readonly string[] Words = ["sparse", "dense", "linear", "rotary", "gated", "sliding", "global", "local", "causal", "bidirectional", "recurrent"];

    private static Dictionary<string, List<(int Doc, ushort Title, ushort Abstract)>> Postings(TestStore t)
    {
        var contents = t.IndexSource.ReadContents();
        var result = new Dictionary<string, List<(int, ushort, ushort)>>();
        foreach (var (term, df) in contents.DocumentFrequency)
        {
            var p = t.IndexSource.ReadPostings(term)!;
            Assert.Equal(df, p.Count);
            result[term] = [.. Enumerable.Range(0, p.Count).Select(i => (p.Docs[i], p.TitleTf[i], p.AbstractTf[i]))];
        }
        return result;
    }

    private static void AssertSamePostings(TestStore expected, TestStore actual)
    {
        var a = Postings(expected);
        var b = Postings(actual);
        Assert.Equal(a.Keys.Order(), b.Keys.Order());
        foreach (var (term, list) in a) Assert.Equal(list, b[term]);
    }

    [Fact]
    public async Task Writes_of_new_papers_append_segments_and_read_back_as_one_write()
    {
        using var once = TestStore.InMemory();
        using var batches = TestStore.InMemory();
        await once.Store.UpsertAsync(Papers(0, 30));
        foreach (var start in new[] { 0, 10, 20 }) await batches.Store.UpsertAsync(Papers(start, 10));

        Assert.Equal(0, once.Scalar("SELECT COUNT(*) FROM term_segments"));
        Assert.Equal(2, batches.Scalar("SELECT COUNT(*) FROM term_segments WHERE term = '" + Stem("attention") + "'"));
        AssertSamePostings(once, batches);
        var wanted = Papers(23, 1)[0].Title;
        var found = await batches.Search.SearchAsync(new SearchQuery(wanted.ToLowerInvariant(), 3));
        Assert.Equal(wanted, found.Hits[0].Paper.Title);
    }

    [Fact]
    public async Task Updating_or_deleting_a_paper_merges_its_terms_segments_into_one_row()
    {
        using var t = TestStore.InMemory();
        foreach (var start in new[] { 0, 10, 20 }) await t.Store.UpsertAsync(Papers(start, 10));
        var changed = Papers(25, 1)[0] with { Abstract = "A completely different and much longer abstract: attention over molecular graphs, with message passing between atoms and bonds." };

        await t.Store.UpsertAsync([changed]);
        await t.Store.DeleteAsync([Papers(12, 1)[0].Id]);

        Assert.Equal(0, t.Scalar("SELECT COUNT(*) FROM term_segments WHERE term = '" + Stem("attention") + "'"));
        using var expected = TestStore.InMemory();
        await expected.Store.UpsertAsync(Papers(0, 10));
        await expected.Store.UpsertAsync(Papers(10, 10));
        await expected.Store.UpsertAsync(Papers(20, 10));
        await expected.Store.UpsertAsync([changed]);
        await expected.Store.DeleteAsync([Papers(12, 1)[0].Id]);
        AssertSamePostings(expected, t);
        var graphs = t.IndexSource.ReadPostings(Stem("graphs"))!;
        Assert.Equal(1, graphs.Count);
        var variant = t.IndexSource.ReadPostings(Stem("variant"))!;
        Assert.Equal(28, variant.Count); // 30 papers, one deleted, one rewritten without the word
    }

    [Fact]
    public async Task A_term_never_holds_more_than_the_maximum_number_of_segments()
    {
        using var t = TestStore.InMemory();
        using var once = TestStore.InMemory();
        var writes = SqliteLexicalIndexWriter.MaxSegments + 3;
        for (var i = 0; i < writes; i++) await t.Store.UpsertAsync(Papers(i, 1));
        await once.Store.UpsertAsync(Papers(0, writes));

        var segments = t.Scalar("SELECT COUNT(*) FROM term_segments WHERE term = '" + Stem("attention") + "'");
        Assert.InRange(segments, 1, SqliteLexicalIndexWriter.MaxSegments);
        Assert.True(segments < writes - 1, $"{segments} segments after {writes} writes: they were never merged");
        AssertSamePostings(once, t);
    }

    [Fact]
    public async Task A_store_from_before_segments_opened_read_only_is_searched_from_its_rows()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "papers.db");
        using (var writer = TestStore.OnFile(path))
        {
            await writer.Store.UpsertAsync(Corpus);
            Assert.Equal(0, writer.Scalar("SELECT COUNT(*) FROM term_segments"));
            writer.Scalar("DROP TABLE term_segments"); // what a store written by an earlier version looks like
        }
        SqliteConnection.ClearAllPools();

        using var factory = new SqliteConnectionFactory(new StorageOptions { Path = path }, StoreAccess.Reader);
        Assert.True(factory.IsReadOnly);
        var embedder = new OfflineEmbeddingGenerator();
        var store = new SqlitePaperStore(factory, embedder);
        var source = new SqliteSearchIndexSource(factory);
        var ranker = new global::ResearchBot.Retrieval.Index.HybridRanker(source, EmbedderIdentity.Of(embedder), new RetrievalOptions());
        var search = new HybridPaperSearch(new PaperVectorCollection(store, ranker, embedder), store, embedder, Microsoft.Extensions.Options.Options.Create(new RetrievalOptions()));

        var found = await search.SearchAsync(new SearchQuery("quantization of language models to four bits", 3));

        Assert.Equal(Quantization.Title, found.Hits[0].Paper.Title);
        Assert.NotNull(source.ReadPostings(Stem("quantization")));
        SqliteConnection.ClearAllPools();
    }
}
