using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.VectorData;
using ResearchBot.Configuration;
using ResearchBot.Embeddings;
using ResearchBot.Retrieval;
using ResearchBot.Retrieval.Index;
using ResearchBot.Scheduling;
using ResearchBot.Storage.Postgres;

namespace ResearchBot.Storage;

/// <summary>Registers the paper store of the configured provider (<c>Storage:Provider</c>), its VectorData collection, hybrid search and the job lock.</summary>
public static class StorageServiceCollectionExtensions
{
    public static IServiceCollection AddPaperStore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<StorageOptions, StorageOptionsValidator>(configuration, StorageOptions.Section);
        services.AddValidatedOptions<RetrievalOptions, RetrievalOptionsValidator>(configuration, RetrievalOptions.Section);
        services.AddSingleton(sp => new SqliteConnectionFactory(sp.GetRequiredService<IOptions<StorageOptions>>().Value, sp.GetService<StoreAccess>()));
        services.AddSingleton(sp => new SqlitePaperStore(sp.GetRequiredService<SqliteConnectionFactory>(), Embedder(sp), Batching(sp)));
        services.AddSingleton(OpenPostgres);
        services.AddSingleton<IIndexedPaperStore>(sp => IsPostgres(sp)
            ? new PostgresPaperStore(sp.GetRequiredService<PostgresDatabase>(), Embedder(sp), Batching(sp))
            : sp.GetRequiredService<SqlitePaperStore>());
        services.AddSingleton<IPaperStore>(sp => sp.GetRequiredService<IIndexedPaperStore>());
        services.AddSingleton<IPaperMaintenance>(sp => sp.GetRequiredService<IIndexedPaperStore>());
        services.AddSingleton<ISearchIndexSource>(sp => IsPostgres(sp)
            ? new PostgresSearchIndexSource(sp.GetRequiredService<PostgresDatabase>())
            : new SqliteSearchIndexSource(sp.GetRequiredService<SqliteConnectionFactory>()));
        services.AddSingleton<IJobLock>(sp => IsPostgres(sp) ? new PostgresJobLock(sp.GetRequiredService<PostgresDatabase>()) : new InProcessJobLock());
        services.AddSingleton(sp => new HybridRanker(sp.GetRequiredService<ISearchIndexSource>(),
            EmbedderIdentity.Of(Embedder(sp)), sp.GetRequiredService<IOptions<RetrievalOptions>>().Value));
        services.AddSingleton<VectorStoreCollection<string, PaperRecord>, PaperVectorCollection>();
        services.AddSingleton<IPaperSearch, HybridPaperSearch>();
        return services;
    }

    /// <summary>The PostgreSQL store of <c>Storage:ConnectionString</c> (opened when first asked for, so only on that provider).</summary>
    internal static PostgresDatabase OpenPostgres(IServiceProvider sp) => new(sp.GetRequiredService<IOptions<StorageOptions>>().Value.ConnectionString
        ?? throw new InvalidOperationException("Storage:ConnectionString is not set"), sp.GetService<ILogger<PostgresDatabase>>());

    internal static bool IsPostgres(IServiceProvider sp) => sp.GetRequiredService<IOptions<StorageOptions>>().Value.Provider == StorageProvider.Postgres;

    private static IEmbeddingGenerator<string, Embedding<float>> Embedder(IServiceProvider sp) => sp.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();

    private static EmbeddingBatchOptions Batching(IServiceProvider sp) => new() { BatchSize = sp.GetRequiredService<IOptions<EmbeddingOptions>>().Value.BatchSize };
}
