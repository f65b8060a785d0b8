using Microsoft.Extensions.Options;
using ResearchBot.BotState;

namespace ResearchBot.Discord.Guilds;

/// <summary>
/// Per-server settings (<c>/settings</c>) over the bot's configuration: a server's own value wins, else the configured
/// default. Saving signals <see cref="Changed"/>, so the digest scheduler picks a new time or channel up at once.
/// </summary>
public sealed class ServerSettings(IGuildSettingsRepository repository, IOptions<DiscordOptions> options)
{
    private CancellationTokenSource _changed = new();

    /// <summary>Cancelled when any server's settings change (read it before reading the settings).</summary>
    public CancellationToken Changed => Volatile.Read(ref _changed).Token;

    /// <summary>The stored settings of <paramref name="guildId"/> (empty when it set none).</summary>
    public async Task<GuildSettings> GetAsync(string guildId, CancellationToken cancellationToken) =>
        await repository.GetAsync(guildId, cancellationToken) ?? GuildSettings.Empty(guildId);

    /// <summary>Stores <paramref name="settings"/> and signals the change.</summary>
    public async Task SaveAsync(GuildSettings settings, CancellationToken cancellationToken)
    {
        await repository.SaveAsync(settings, cancellationToken);
        using var old = Interlocked.Exchange(ref _changed, new CancellationTokenSource());
        await old.CancelAsync();
    }

    /// <summary>The daily token budget of <paramref name="guildId"/> (0: no limit).</summary>
    public async Task<long> TokenBudgetAsync(string guildId, CancellationToken cancellationToken) =>
        (await repository.GetAsync(guildId, cancellationToken))?.DailyTokenBudget ?? options.Value.TokenBudgetPerGuildPerDay;

    /// <summary>Every digest to post: one per server with a digest channel, plus <see cref="DiscordOptions.DigestChannelId"/> when set and no server took that channel.</summary>
    public async Task<IReadOnlyList<DigestSchedule>> DigestSchedulesAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        var schedules = new List<DigestSchedule>();
        foreach (var s in await repository.ListAsync(cancellationToken))
        {
            if (s.DigestChannelId is not { Length: > 0 } channel) continue;
            var cron = s.DigestTime is { } at ? $"{at.Minute} {at.Hour} * * *" : o.DigestCron;
            schedules.Add(new DigestSchedule(s.GuildId, channel, cron, s.TimeZone ?? o.DigestTimeZone, s.Interests));
        }
        if (o.DigestChannelId is { } configured && schedules.All(s => s.ChannelId != configured.ToString()))
            schedules.Add(new DigestSchedule(o.GuildId?.ToString(), configured.ToString(), o.DigestCron, o.DigestTimeZone, null));
        return schedules;
    }
}

/// <summary>One scheduled digest: where, when (a five-field cron read in <paramref name="TimeZone"/>) and the interests it ranks first (null: <c>Digest:Interests</c>).</summary>
public sealed record DigestSchedule(string? GuildId, string ChannelId, string Cron, string TimeZone, IReadOnlyList<string>? Interests);
