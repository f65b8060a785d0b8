using Microsoft.Extensions.AI;
using ResearchBot.Embeddings;
using ResearchBot.Storage;
using ResearchBot.Tests.Ingestion;

namespace ResearchBot.Tests.Storage.Conformance;

/// <summary>The conformance suite over a SQLite file per test.</summary>
public sealed class SqlitePaperStoreConformanceTests : PaperStoreConformance, IDisposable
{
    private readonly TempFolder _folder = new();

    protected override StoreUnderTest Open(IEmbeddingGenerator<string, Embedding<float>>? embedder = null, int batchSize = 256)
    {
        embedder ??= new OfflineEmbeddingGenerator();
        var factory = new SqliteConnectionFactory(new StorageOptions { Path = Path.Combine(_folder.Path, "papers.db") });
        var store = new SqlitePaperStore(factory, embedder, new EmbeddingBatchOptions { BatchSize = batchSize });
        return new StoreUnderTest(store, new SqliteSearchIndexSource(factory), embedder, factory);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }
}
