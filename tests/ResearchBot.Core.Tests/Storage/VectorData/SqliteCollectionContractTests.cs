using Microsoft.Extensions.AI;

namespace ResearchBot.Tests.Storage.VectorData;

/// <summary>The collection contract over our SQLite store (in memory, the offline embedder).</summary>
public sealed class SqliteCollectionContractTests : CollectionContractTests
{
    protected override string SystemName => "sqlite";

    protected override Task<CollectionUnderTest> CreateCollectionAsync(IEmbeddingGenerator<string, Embedding<float>>? embedder = null)
    {
        var store = TestStore.InMemory(embedder);
        return Task.FromResult(new CollectionUnderTest(store.Collection, new ResearchBot.Embeddings.OfflineEmbeddingOptions().Dimensions, store));
    }
}
