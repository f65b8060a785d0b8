using ResearchBot.Embeddings;
using ResearchBot.Retrieval;
using ResearchBot.Retrieval.Index;
using ResearchBot.Storage;
using ResearchBot.Storage.Postgres;
using ResearchBot.Tests.Ingestion;
using ResearchBot.TestSupport.Postgres;

namespace ResearchBot.Tests.Storage.Conformance;

/// <summary>Retrieval quality is the same on every provider: the same corpus ranks identically, score for score.</summary>
public sealed class ProviderParityTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task The_seed_corpus_ranks_identically_on_sqlite_and_postgres()
    {
        var embedder = new OfflineEmbeddingGenerator();
        using var sqliteFactory = new SqliteConnectionFactory(new StorageOptions { Path = Path.Combine(_folder.Path, "papers.db") });
        using var sqlite = new StoreUnderTest(new SqlitePaperStore(sqliteFactory, embedder), new SqliteSearchIndexSource(sqliteFactory), embedder);
        using var db = new PostgresDatabase(PostgresServer.Instance.CreateDatabase("parity"));
        using var postgres = new StoreUnderTest(new PostgresPaperStore(db, embedder), new PostgresSearchIndexSource(db), embedder);
        foreach (var page in SeedPapers.Pages())
        {
            await sqlite.Store.UpsertAsync(page);
            await postgres.Store.UpsertAsync(page);
        }

        // Questions made from the corpus itself (every seventh title's leading words and abstract's opening words) plus free ones.
        var papers = SeedPapers.Pages().SelectMany(p => p).ToList();
        var questions = papers.Where((_, i) => i % 7 == 0)
            .SelectMany(p => new[] { string.Join(' ', p.Title.Split(' ').Take(4)), string.Join(' ', p.Abstract.Split(' ').Take(12)) })
            .Concat(["which papers improve long context attention", "diffusion video generation", "reinforcement learning from human feedback", "tokenizr"])
            .ToList();
        var days = papers.SelectMany(p => p.Listings).Select(l => l.Day.DayNumber).Distinct().Order().ToList();
        var vectors = await embedder.GenerateAsync(questions);

        var compared = 0;
        for (var i = 0; i < questions.Count; i++)
        {
            foreach (var range in new[] { DayRange.All, new DayRange(days[0], days[0]) })
            {
                var a = Ranked(sqlite, questions[i], vectors[i].Vector, range);
                var b = Ranked(postgres, questions[i], vectors[i].Vector, range);
                Assert.Equal(a, b);
                compared += a.Count;
            }
        }
        Assert.True(compared > questions.Count * 5, $"only {compared} results compared");
        var search = await postgres.Search.SearchAsync(new SearchQuery(papers[3].Title, 1));
        Assert.Equal(papers[3].TitleKey, search.Hits[0].Paper.TitleKey);
    }

    private static List<(string Id, double Score, double Relevance)> Ranked(StoreUnderTest s, string question, ReadOnlyMemory<float> vector, DayRange range)
    {
        var ranked = s.Ranker.Rank(question, vector, range, 10);
        var ids = s.Store.GetByDocs([.. ranked.Select(r => r.Doc)]).ToDictionary(p => p.Doc, p => p.Paper.Id);
        return [.. ranked.Select(r => (ids[r.Doc], r.Score, r.Relevance))];
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }
}
