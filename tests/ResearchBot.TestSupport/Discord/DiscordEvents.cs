namespace ResearchBot.TestSupport.Discord;

/// <summary>Builders for the event payloads tests dispatch.</summary>
public static class DiscordEvents
{
    public const string GuildId = "300";
    public const string ChannelId = "400";
    public const string UserId = "600";

    /// <summary>A MESSAGE_CREATE; <paramref name="guildId"/> null makes it a DM.</summary>
    public static object Message(string id, string content, string channelId = ChannelId, string? guildId = GuildId, string authorId = UserId,
        IEnumerable<string>? mentions = null, bool authorIsBot = false) => new Dictionary<string, object?>
    {
        ["id"] = id,
        ["channel_id"] = channelId,
        ["guild_id"] = guildId,
        ["author"] = new { id = authorId, username = "alice", bot = authorIsBot },
        ["content"] = content,
        ["mentions"] = (mentions ?? []).Select(m => new { id = m, username = "ResearchBot" }).ToArray(),
        ["mention_everyone"] = false,
    }.Where(kv => kv.Value is not null).ToDictionary();

    /// <summary>An INTERACTION_CREATE for a slash command with string options.</summary>
    public static object Command(string id, string token, string applicationId, string name, IReadOnlyDictionary<string, string>? options = null,
        string channelId = ChannelId, string userId = UserId, string permissions = "0") => new
    {
        id,
        token,
        type = 2,
        application_id = applicationId,
        channel_id = channelId,
        guild_id = GuildId,
        member = new { user = new { id = userId, username = "alice" }, permissions },
        data = new
        {
            id = "9",
            name,
            type = 1,
            options = (options ?? new Dictionary<string, string>()).Select(kv => new { name = kv.Key, type = 3, value = kv.Value }).ToArray(),
        },
    };
}
