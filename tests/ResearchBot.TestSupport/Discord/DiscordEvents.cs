namespace ResearchBot.TestSupport.Discord;

/// <summary>Builders for the event payloads tests dispatch.</summary>
public static class DiscordEvents
{
    public const string GuildId = "300";
    public const string ChannelId = "400";
    public const string UserId = "600";

    /// <summary>A member's permissions with every bit set (as the server owner's).</summary>
    public const string AllPermissions = "2251799813685247";

    /// <summary>View Channel, Send Messages, Read Message History, Add Reactions, Use Application Commands: an ordinary member.</summary>
    public const string MemberPermissions = "2147552320";

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
        string channelId = ChannelId, string userId = UserId, string permissions = AllPermissions, string guildId = GuildId) => new
    {
        id,
        token,
        type = 2,
        application_id = applicationId,
        channel_id = channelId,
        guild_id = guildId,
        member = new { user = new { id = userId, username = "alice" }, permissions },
        data = new
        {
            id = "9",
            name,
            type = 1,
            options = (options ?? new Dictionary<string, string>()).Select(kv => new { name = kv.Key, type = 3, value = kv.Value }).ToArray(),
        },
    };

    /// <summary>An INTERACTION_CREATE of type 3: a click on the button <paramref name="customId"/> on message <paramref name="messageId"/>.</summary>
    public static object Component(string id, string token, string applicationId, string customId, string messageId, string channelId = ChannelId,
        string userId = UserId, string permissions = AllPermissions, string? guildId = GuildId) => new Dictionary<string, object?>
    {
        ["id"] = id,
        ["token"] = token,
        ["type"] = 3,
        ["application_id"] = applicationId,
        ["channel_id"] = channelId,
        ["guild_id"] = guildId,
        ["member"] = guildId is null ? null : new { user = new { id = userId, username = "alice" }, permissions },
        ["user"] = guildId is null ? new { id = userId, username = "alice" } : null,
        ["message"] = new { id = messageId, channel_id = channelId },
        ["data"] = new { custom_id = customId, component_type = 2 },
    }.Where(kv => kv.Value is not null).ToDictionary();

    /// <summary>An INTERACTION_CREATE of type 4: <paramref name="focused"/> is being typed as <paramref name="typed"/> in /<paramref name="name"/>.</summary>
    public static object Autocomplete(string id, string token, string applicationId, string name, string focused, string typed, string channelId = ChannelId,
        string userId = UserId) => new
    {
        id,
        token,
        type = 4,
        application_id = applicationId,
        channel_id = channelId,
        guild_id = GuildId,
        member = new { user = new { id = userId, username = "alice" }, permissions = AllPermissions },
        data = new { id = "9", name, type = 1, options = new[] { new { name = focused, type = 3, value = typed, focused = true } } },
    };

    /// <summary>A MESSAGE_REACTION_ADD (the same fields make a MESSAGE_REACTION_REMOVE).</summary>
    public static object Reaction(string messageId, string emoji, string userId = UserId, string channelId = ChannelId, string? guildId = GuildId) =>
        new Dictionary<string, object?>
        {
            ["user_id"] = userId,
            ["channel_id"] = channelId,
            ["message_id"] = messageId,
            ["guild_id"] = guildId,
            ["emoji"] = new { id = (string?)null, name = emoji },
            ["burst"] = false,
            ["type"] = 0,
        }.Where(kv => kv.Value is not null).ToDictionary();
}
