using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using ResearchBot.Embeddings;
using ResearchBot.Papers;
using ResearchBot.Storage;

namespace ResearchBot.Benchmarks;

/// <summary>Ingest of parsed papers into a fresh file store: analysis, offline embedding, rows, FTS, vectors and postings, one transaction.</summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class IngestBenchmarks
{
    private IReadOnlyList<Paper> _papers = [];
    private string _db = "";
    private SqliteConnectionFactory? _connections;
    private SqlitePaperStore _store = null!;

    [Params(10_000)]
    public int Papers { get; set; }

    [GlobalSetup]
    public void Setup() => _papers = BenchCorpus.WithDistractors(Papers);

    [IterationSetup]
    public void NewStore()
    {
        _db = Path.Combine(Path.GetTempPath(), $"researchbot-ingest-bench-{Environment.ProcessId}-{Guid.NewGuid():N}.db");
        _connections = new SqliteConnectionFactory(new StorageOptions { Path = _db });
        _store = new SqlitePaperStore(_connections, new OfflineEmbeddingGenerator(), new EmbeddingBatchOptions { BatchSize = 4096 });
    }

    [Benchmark]
    public Task<UpsertResult> Ingest() => _store.UpsertAsync(_papers);

    [IterationCleanup]
    public void DropStore()
    {
        _connections?.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var f in Directory.GetFiles(Path.GetDirectoryName(_db)!, Path.GetFileName(_db) + "*")) File.Delete(f);
    }
}
