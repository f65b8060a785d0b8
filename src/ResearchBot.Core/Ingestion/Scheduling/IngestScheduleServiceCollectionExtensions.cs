using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ResearchBot.Configuration;
using ResearchBot.Storage.BotState;
using ResearchBot.Telemetry;

namespace ResearchBot.Ingestion.Scheduling;

/// <summary>Registers scheduled ingestion (<c>Ingest</c>) as a hosted service.</summary>
public static class IngestScheduleServiceCollectionExtensions
{
    /// <summary>Adds <see cref="IngestScheduler"/>; ingestion and the store must be registered too.</summary>
    public static IServiceCollection AddScheduledIngest(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<IngestScheduleOptions, IngestScheduleOptionsValidator>(configuration, IngestScheduleOptions.Section);
        services.AddBotState(configuration);
        services.AddResearchBotMetrics();
        services.AddHostedService<IngestScheduler>();
        return services;
    }
}
