using Microsoft.Extensions.AI;
using Npgsql;
using ResearchBot.Embeddings;
using ResearchBot.Retrieval;
using ResearchBot.Retrieval.Index;
using ResearchBot.Storage;
using ResearchBot.Storage.Postgres;
using ResearchBot.TestSupport.Postgres;

namespace ResearchBot.Tests.Storage.VectorData;

/// <summary>
/// The collection contract over our PostgreSQL store: a fresh database per test on the test run's throwaway cluster, the
/// offline embedder. The database sorts text by a natural-language collation (ICU en-US, as a server's default locale
/// often does), so the contract's ordinal order and case-sensitive equality must come from the store's SQL, not the cluster.
/// </summary>
public sealed class PostgresCollectionContractTests : CollectionContractTests
{
    private static int _databases;

    protected override string SystemName => "postgresql";

    protected override Task<CollectionUnderTest> CreateCollectionAsync(IEmbeddingGenerator<string, Embedding<float>>? embedder = null)
    {
        embedder ??= new OfflineEmbeddingGenerator();
        var db = new PostgresDatabase(CreateLocaleDatabase());
        var store = new PostgresPaperStore(db, embedder);
        var ranker = new HybridRanker(new PostgresSearchIndexSource(db), EmbedderIdentity.Of(embedder), new RetrievalOptions());
        return Task.FromResult(new CollectionUnderTest(new PaperVectorCollection(store, ranker, embedder), new OfflineEmbeddingOptions().Dimensions, db));
    }

    private static string CreateLocaleDatabase()
    {
        var server = PostgresServer.Instance;
        var name = $"collection_{Environment.ProcessId}_{Interlocked.Increment(ref _databases)}";
        using var c = new NpgsqlConnection(server.AdminConnectionString);
        c.Open();
        using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8' LOCALE_PROVIDER icu ICU_LOCALE 'en-US' LOCALE 'C'", c);
        cmd.ExecuteNonQuery();
        return server.Connection(name);
    }
}
