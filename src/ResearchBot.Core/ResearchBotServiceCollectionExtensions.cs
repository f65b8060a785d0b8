using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ResearchBot.Embeddings;
using ResearchBot.Ingestion;
using ResearchBot.Storage;

namespace ResearchBot;

/// <summary>The one place that wires the bot's core from configuration; hosts (CLI, Discord) call it once.</summary>
public static class ResearchBotServiceCollectionExtensions
{
    /// <summary>
    /// Adds the configured embedder (<c>Embeddings</c>), the paper store with hybrid search (<c>Storage</c>, <c>Retrieval</c>),
    /// ingestion (<c>Sources:HuggingFace</c>, <c>Sources:Arxiv</c>) and the bundled sample corpus loader.
    /// </summary>
    public static IServiceCollection AddResearchBot(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddEmbeddings(configuration);
        services.AddPaperStore(configuration);
        services.AddPaperIngestion(configuration);
        services.TryAddSingleton<SampleCorpusLoader>();
        return services;
    }
}
