namespace ResearchBot.Discord;

/// <summary>The bot's settings, bound from the <c>Discord</c> configuration section.</summary>
public sealed class DiscordOptions
{
    /// <summary>The configuration section name.</summary>
    public const string Section = "Discord";

    /// <summary>The bot token (from the environment or user-secrets; never logged).</summary>
    public string Token { get; set; } = "";

    /// <summary>REST base URL, without a trailing slash.</summary>
    public string ApiBaseUrl { get; set; } = "https://discord.com/api/v10";

    /// <summary>Gateway URL override; when empty the URL comes from <c>GET /gateway/bot</c>.</summary>
    public string? GatewayUrl { get; set; }

    /// <summary>Guild for instant, guild-scoped slash commands; global commands when null.</summary>
    public ulong? GuildId { get; set; }

    /// <summary>Channel the scheduled digest is posted to; no scheduled digest when null.</summary>
    public ulong? DigestChannelId { get; set; }

    /// <summary>Cron expression (five fields) of the scheduled digest.</summary>
    public string DigestCron { get; set; } = "0 8 * * *";

    /// <summary>IANA or Windows time zone id the cron expression is read in.</summary>
    public string DigestTimeZone { get; set; } = "UTC";

    /// <summary>Longest question accepted, in characters.</summary>
    public int MaxQuestionLength { get; set; } = 1000;

    /// <summary>Minimum time between two questions of the same user.</summary>
    public TimeSpan UserCooldown { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Answers being written at once in one channel.</summary>
    public int MaxAnswersInFlightPerChannel { get; set; } = 2;

    /// <summary>How long a stop waits for answers in flight.</summary>
    public TimeSpan ShutdownGrace { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Minimum time between two edits of a streamed answer.</summary>
    public TimeSpan StreamEditInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Conversation turns kept per thread or DM.</summary>
    public int MaxHistoryTurns { get; set; } = 12;

    /// <summary>Language-model tokens each server may use per day (UTC) before questions are refused politely; 0: no limit. A server can set its own with <c>/settings</c>.</summary>
    public long TokenBudgetPerGuildPerDay { get; set; }

    /// <summary>This process's shard (0 .. <see cref="ShardCount"/> - 1) when the bot's guilds are split across processes.</summary>
    public int ShardId { get; set; }

    /// <summary>How many shards (processes) the bot's guilds are split across; 1 means no sharding.</summary>
    public int ShardCount { get; set; } = 1;

    /// <summary>URL in the <c>User-Agent</c> header.</summary>
    public string UserAgentUrl { get; set; } = "https://github.com/researchbot/researchbot";

    /// <summary>Version in the <c>User-Agent</c> header.</summary>
    public string UserAgentVersion { get; set; } = "1.0";

    /// <summary>Everything but the token.</summary>
    public override string ToString() =>
        $"Token={(Token.Length > 0 ? "[redacted]" : "[missing]")}, ApiBaseUrl={ApiBaseUrl}, GatewayUrl={GatewayUrl ?? "(from API)"}, " +
        $"GuildId={GuildId?.ToString() ?? "(global)"}, DigestChannelId={DigestChannelId?.ToString() ?? "(none)"}, DigestCron={DigestCron}, " +
        $"DigestTimeZone={DigestTimeZone}, MaxQuestionLength={MaxQuestionLength}, UserCooldown={UserCooldown}, " +
        $"MaxAnswersInFlightPerChannel={MaxAnswersInFlightPerChannel}, ShutdownGrace={ShutdownGrace}, TokenBudgetPerGuildPerDay={TokenBudgetPerGuildPerDay}, Shard={ShardId}/{ShardCount}";
}
