using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ResearchBot.Telemetry;

/// <summary>Registers <see cref="ResearchBotMetrics"/>.</summary>
public static class TelemetryServiceCollectionExtensions
{
    public static IServiceCollection AddResearchBotMetrics(this IServiceCollection services)
    {
        services.AddMetrics();
        services.TryAddSingleton<ResearchBotMetrics>();
        return services;
    }
}
