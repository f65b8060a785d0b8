using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Options;
using ResearchBot.Embeddings;
using ResearchBot.Retrieval;
using ResearchBot.Retrieval.Index;
using ResearchBot.Storage;

namespace ResearchBot.Benchmarks;

/// <summary>One hybrid search (embed the question, BM25F + vectors, proximity re-rank, load the hits) over stores of growing size.</summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class SearchBenchmarks
{
    private IReadOnlyList<string> _questions = [];
    private HybridPaperSearch _search = null!;
    private SqliteConnectionFactory _connections = null!;
    private string _db = "";
    private int _next;

    [Params(10_000, 100_000)]
    public int Distractors { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _db = Path.Combine(Path.GetTempPath(), $"researchbot-search-bench-{Distractors}-{Environment.ProcessId}.db");
        _connections = new SqliteConnectionFactory(new StorageOptions { Path = _db });
        var embedder = new OfflineEmbeddingGenerator();
        var store = new SqlitePaperStore(_connections, embedder, new EmbeddingBatchOptions { BatchSize = 4096 });
        store.UpsertAsync(BenchCorpus.WithDistractors(Distractors)).GetAwaiter().GetResult();
        var options = new RetrievalOptions();
        var ranker = new HybridRanker(new SqliteSearchIndexSource(_connections), EmbedderIdentity.Of(embedder), options);
        _search = new HybridPaperSearch(new PaperVectorCollection(store, ranker, embedder), store, embedder, Options.Create(options));
        _questions = BenchCorpus.Questions();
        _search.SearchAsync(new SearchQuery(_questions[0])).GetAwaiter().GetResult();
    }

    [Benchmark]
    public Task<SearchResults> Search() => _search.SearchAsync(new SearchQuery(_questions[_next++ % _questions.Count]));

    [GlobalCleanup]
    public void Cleanup()
    {
        _connections.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var f in Directory.GetFiles(Path.GetDirectoryName(_db)!, Path.GetFileName(_db) + "*")) File.Delete(f);
    }
}
