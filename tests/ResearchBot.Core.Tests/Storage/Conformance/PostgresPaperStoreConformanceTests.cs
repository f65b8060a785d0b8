using Microsoft.Extensions.AI;
using ResearchBot.Embeddings;
using ResearchBot.Storage;
using ResearchBot.Storage.Postgres;
using ResearchBot.TestSupport.Postgres;

namespace ResearchBot.Tests.Storage.Conformance;

/// <summary>The conformance suite over a fresh database per test on the test run's throwaway PostgreSQL cluster.</summary>
public sealed class PostgresPaperStoreConformanceTests : PaperStoreConformance
{
    private readonly string _connectionString = PostgresServer.Instance.CreateDatabase("conformance");

    protected override StoreUnderTest Open(IEmbeddingGenerator<string, Embedding<float>>? embedder = null, int batchSize = 256)
    {
        embedder ??= new OfflineEmbeddingGenerator();
        var db = new PostgresDatabase(_connectionString);
        return new StoreUnderTest(new PostgresPaperStore(db, embedder, new EmbeddingBatchOptions { BatchSize = batchSize }), new PostgresSearchIndexSource(db), embedder, db);
    }
}
