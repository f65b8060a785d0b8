using Microsoft.Extensions.Logging;
using ResearchBot.Discord.Rest;

namespace ResearchBot.Discord.Bot;

/// <summary>Keeps "ResearchBot is typing…" showing in a channel while an answer is being written.</summary>
public sealed class TypingIndicator : IAsyncDisposable
{
    private static readonly TimeSpan Refresh = TimeSpan.FromSeconds(8);
    private readonly DiscordRestClient _rest;
    private readonly string _channelId;
    private readonly ILogger _log;
    private readonly ITimer _timer;

    private TypingIndicator(DiscordRestClient rest, string channelId, TimeProvider time, ILogger log)
    {
        _rest = rest;
        _channelId = channelId;
        _log = log;
        _timer = time.CreateTimer(_ => _ = TriggerAsync(), null, Refresh, Refresh);
    }

    /// <summary>Shows the indicator now and refreshes it until disposed.</summary>
    public static async Task<TypingIndicator> StartAsync(DiscordRestClient rest, string channelId, TimeProvider time, ILogger log)
    {
        var indicator = new TypingIndicator(rest, channelId, time, log);
        await indicator.TriggerAsync();
        return indicator;
    }

    private async Task TriggerAsync()
    {
        try { await _rest.TriggerTypingAsync(_channelId); }
        catch (Exception ex) when (ex is DiscordApiException or HttpRequestException) { _log.LogDebug("Typing indicator failed: {Error}", ex.Message); }
    }

    public ValueTask DisposeAsync() => _timer.DisposeAsync();
}
