using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using ResearchBot.Discord.Gateway;
using ResearchBot.Storage;
using ResearchBot.Telemetry;

namespace ResearchBot.Discord.Health;

/// <summary>
/// Serves <c>GET /healthz</c> (the process is alive), <c>GET /readyz</c> (the store answers and the gateway is READY; 503
/// otherwise, with the reason) and <c>GET /metrics</c> (Prometheus text, through OpenTelemetry) on <see cref="HealthOptions.Url"/>
/// with Kestrel, beside the bot's own host.
/// </summary>
public sealed class HealthServer(
    IOptions<HealthOptions> options,
    IPaperStore store,
    GatewayClient gateway,
    ResearchBotMetrics metrics,
    IServiceProvider services,
    ILogger<HealthServer> log) : IHostedService, IAsyncDisposable
{
    private WebApplication? _app;

    /// <summary>The address actually listened on (with the real port when the configured one is 0); null when off.</summary>
    public Uri? Address { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        if (!o.Enabled)
        {
            log.LogInformation("Health:Url is empty: no health or metrics endpoint");
            return;
        }
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(o.Url);
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapGet("/healthz", () => Results.Text("ok\n"));
        app.MapGet("/readyz", ReadyAsync);
        if (services.GetService<MeterProvider>() is { } meterProvider)
            app.MapPrometheusScrapingEndpoint("/metrics", meterProvider, null, null);
        await app.StartAsync(cancellationToken);
        _app = app;
        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? o.Url;
        Address = new Uri(bound);
        log.LogInformation("Health and metrics on {Address} (/healthz, /readyz, /metrics)", Address);
        await CountPapersAsync(cancellationToken);
    }

    private async Task<IResult> ReadyAsync(CancellationToken cancellationToken)
    {
        if (!await CountPapersAsync(cancellationToken)) return Results.Text("not ready: the store does not answer\n", statusCode: StatusCodes.Status503ServiceUnavailable);
        if (!gateway.IsReady) return Results.Text("not ready: the Discord gateway is not connected\n", statusCode: StatusCodes.Status503ServiceUnavailable);
        return Results.Text("ready\n");
    }

    /// <summary>Counts the papers (kept for <c>researchbot_papers</c>); false when the store fails.</summary>
    private async Task<bool> CountPapersAsync(CancellationToken cancellationToken)
    {
        try
        {
            metrics.PapersInStore(await store.CountAsync(cancellationToken: cancellationToken));
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            log.LogWarning("The store does not answer: {Error}", ex.Message);
            return false;
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is not null) await _app.StopAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
        _app = null;
    }
}
