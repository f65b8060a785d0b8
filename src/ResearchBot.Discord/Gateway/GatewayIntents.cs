namespace ResearchBot.Discord.Gateway;

/// <summary>Gateway intents (bit flags).</summary>
[Flags]
public enum GatewayIntents
{
    None = 0,
    Guilds = 1 << 0,
    GuildMessages = 1 << 9,
    /// <summary>Reactions in servers (👍/👎 feedback on answers).</summary>
    GuildMessageReactions = 1 << 10,
    DirectMessages = 1 << 12,
    /// <summary>Reactions in DMs.</summary>
    DirectMessageReactions = 1 << 13,
    /// <summary>Privileged: enable it in the developer portal or message content arrives empty.</summary>
    MessageContent = 1 << 15,

    /// <summary>What the bot needs.</summary>
    Bot = Guilds | GuildMessages | GuildMessageReactions | DirectMessages | DirectMessageReactions | MessageContent,
}
