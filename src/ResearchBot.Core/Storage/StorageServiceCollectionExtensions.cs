using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.VectorData;
using ResearchBot.Configuration;
using ResearchBot.Embeddings;
using ResearchBot.Retrieval;
using ResearchBot.Retrieval.Index;

namespace ResearchBot.Storage;

/// <summary>Registers the paper store, its VectorData collection and hybrid search.</summary>
public static class StorageServiceCollectionExtensions
{
    public static IServiceCollection AddPaperStore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<StorageOptions, StorageOptionsValidator>(configuration, StorageOptions.Section);
        services.AddValidatedOptions<RetrievalOptions, RetrievalOptionsValidator>(configuration, RetrievalOptions.Section);
        services.AddSingleton(sp => new SqliteConnectionFactory(sp.GetRequiredService<IOptions<StorageOptions>>().Value, sp.GetService<StoreAccess>()));
        services.AddSingleton(sp => new SqlitePaperStore(
            sp.GetRequiredService<SqliteConnectionFactory>(),
            sp.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>(),
            new EmbeddingBatchOptions { BatchSize = sp.GetRequiredService<IOptions<EmbeddingOptions>>().Value.BatchSize }));
        services.AddSingleton<IPaperStore>(sp => sp.GetRequiredService<SqlitePaperStore>());
        services.AddSingleton<IPaperMaintenance>(sp => sp.GetRequiredService<SqlitePaperStore>());
        services.AddSingleton<ISearchIndexSource>(sp => new SqliteSearchIndexSource(sp.GetRequiredService<SqliteConnectionFactory>()));
        services.AddSingleton(sp => new HybridRanker(sp.GetRequiredService<ISearchIndexSource>(),
            EmbedderIdentity.Of(sp.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>()), sp.GetRequiredService<IOptions<RetrievalOptions>>().Value));
        services.AddSingleton<VectorStoreCollection<string, PaperRecord>, PaperVectorCollection>();
        services.AddSingleton<IPaperSearch, HybridPaperSearch>();
        return services;
    }
}
