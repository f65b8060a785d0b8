using ResearchBot.Embeddings;
using ResearchBot.Retrieval;
using ResearchBot.Retrieval.Index;
using ResearchBot.Storage;
using ResearchBot.Storage.Postgres;
using ResearchBot.TestSupport.Postgres;

namespace ResearchBot.Tests.Storage.VectorData;

/// <summary>The collection contract over our PostgreSQL store: a fresh database per test on the test run's throwaway cluster, the offline embedder.</summary>
public sealed class PostgresCollectionContractTests : CollectionContractTests
{
    protected override Task<CollectionUnderTest> CreateCollectionAsync()
    {
        var embedder = new OfflineEmbeddingGenerator();
        var db = new PostgresDatabase(PostgresServer.Instance.CreateDatabase("collection"));
        var store = new PostgresPaperStore(db, embedder);
        var ranker = new HybridRanker(new PostgresSearchIndexSource(db), EmbedderIdentity.Of(embedder), new RetrievalOptions());
        return Task.FromResult(new CollectionUnderTest(new PaperVectorCollection(store, ranker, embedder), new OfflineEmbeddingOptions().Dimensions, db));
    }
}
