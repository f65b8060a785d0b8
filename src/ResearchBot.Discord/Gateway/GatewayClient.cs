using System.Net.WebSockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ResearchBot.Discord.Rest;
using ResearchBot.Telemetry;

namespace ResearchBot.Discord.Gateway;

/// <summary>Keeps the bot connected to the gateway: connects, resumes or re-identifies, backs off, stops cleanly.</summary>
public sealed class GatewayClient(
    DiscordRestClient rest,
    IOptions<DiscordOptions> options,
    IGatewayEventHandler handler,
    TimeProvider time,
    IGatewayRandom random,
    ResearchBotMetrics metrics,
    ILogger<GatewayClient> log)
{
    private GatewayConnection? _current;

    /// <summary>True while a connection is open and READY or RESUMED arrived on it (what <c>/readyz</c> reports).</summary>
    public bool IsReady => Volatile.Read(ref _current)?.Established == true;

    /// <summary>The session: ids from READY and the last sequence number.</summary>
    public GatewaySession Session { get; } = new();

    /// <summary>Runs until <paramref name="stop"/> (closing with 1000); throws <see cref="GatewayFatalException"/> on a fatal close code.</summary>
    public async Task RunAsync(CancellationToken stop)
    {
        var identity = new GatewayIdentity(options.Value.Token, GatewayIntents.Bot, options.Value.ShardId, options.Value.ShardCount);
        var backoff = new ReconnectBackoff(random);
        var attempts = 0;
        while (!stop.IsCancellationRequested)
        {
            if (attempts++ > 0) metrics.GatewayReconnected();
            var wait = backoff.Next();
            if (wait > TimeSpan.Zero)
            {
                log.LogInformation("Reconnecting to the gateway in {Wait}", wait);
                try { await Task.Delay(wait, time, stop); }
                catch (OperationCanceledException) { return; }
            }
            GatewayConnection? connection = null;
            try
            {
                var resume = Session.CanResume;
                var url = resume ? Session.ResumeGatewayUrl! : await IdentifyUrlAsync(stop);
                using var socket = new GatewaySocket(new ClientWebSocket());
                connection = new GatewayConnection(socket, Session, identity, handler, time, random, log);
                Volatile.Write(ref _current, connection);
                if (await connection.RunAsync(WithQuery(url), resume, stop) == ConnectionOutcome.Stopped) return;
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is WebSocketException or HttpRequestException or IOException or DiscordApiException)
            {
                log.LogWarning("Gateway connection failed: {Error}", ex.Message);
            }
            finally
            {
                Volatile.Write(ref _current, null);
                if (connection?.Established == true) backoff.Reset();
            }
        }
    }

    /// <summary>The URL to Identify on: the configured override, else <c>GET /gateway/bot</c> (waiting out an exhausted Identify budget).</summary>
    private async Task<string> IdentifyUrlAsync(CancellationToken stop)
    {
        if (options.Value.GatewayUrl is { Length: > 0 } configured) return configured;
        var info = await rest.GetGatewayBotAsync(stop);
        if (info.SessionStartsRemaining == 0 && info.ResetAfter > TimeSpan.Zero)
        {
            log.LogWarning("Discord's daily Identify budget is used up; waiting {Wait} before connecting", info.ResetAfter);
            await Task.Delay(info.ResetAfter, time, stop);
        }
        return info.Url;
    }

    private static Uri WithQuery(string url)
    {
        var separator = url.Contains('?') ? '&' : '?';
        return new Uri(url.TrimEnd('/') + separator + "v=10&encoding=json");
    }
}
