using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using ResearchBot.ChatClients;
using ResearchBot.Configuration;
using ResearchBot.Telemetry;

namespace ResearchBot.Discord.Health;

/// <summary>Registers the bot's OpenTelemetry pipeline and the health endpoint.</summary>
public static class HealthServiceCollectionExtensions
{
    /// <summary>The environment variable that turns OTLP export of traces and metrics on.</summary>
    public const string OtlpEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>
    /// Metrics of the <c>ResearchBot</c> meter for Prometheus (<c>/metrics</c>); traces (the chat spans) and metrics also to
    /// OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set; and the <see cref="HealthServer"/> on <c>Health:Url</c>.
    /// </summary>
    public static IServiceCollection AddBotHealth(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<HealthOptions, HealthOptionsValidator>(configuration, HealthOptions.Section);
        services.AddResearchBotMetrics();
        var otlp = !string.IsNullOrWhiteSpace(configuration[OtlpEndpointVariable]);
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("researchbot"))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(ResearchBotMetrics.MeterName).AddPrometheusExporter(o => o.ScrapeResponseCacheDurationMilliseconds = 0);
                if (otlp) metrics.AddOtlpExporter();
            });
        if (otlp) telemetry.WithTracing(tracing => tracing.AddSource(ChatClientFactory.TelemetrySource, ResearchBotMetrics.MeterName).AddOtlpExporter());
        services.AddSingleton<HealthServer>();
        services.AddHostedService(sp => sp.GetRequiredService<HealthServer>());
        return services;
    }
}
