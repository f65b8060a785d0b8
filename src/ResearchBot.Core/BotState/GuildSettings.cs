namespace ResearchBot.BotState;

/// <summary>One Discord server's settings, set with <c>/settings</c>; a null value falls back to the bot's configuration.</summary>
/// <param name="GuildId">The server.</param>
/// <param name="DigestChannelId">Where the server's daily digest is posted; no digest for this server when null.</param>
/// <param name="DigestTime">The time of day of the digest (in <paramref name="TimeZone"/>).</param>
/// <param name="TimeZone">IANA time zone id the digest time is read in.</param>
/// <param name="Interests">Topics the server's digest ranks first.</param>
/// <param name="DailyTokenBudget">Tokens the server's questions may use per day (0: no limit).</param>
public sealed record GuildSettings(
    string GuildId,
    string? DigestChannelId = null,
    TimeOnly? DigestTime = null,
    string? TimeZone = null,
    IReadOnlyList<string>? Interests = null,
    long? DailyTokenBudget = null)
{
    /// <summary>Settings of a server that has set nothing.</summary>
    public static GuildSettings Empty(string guildId) => new(guildId);
}
