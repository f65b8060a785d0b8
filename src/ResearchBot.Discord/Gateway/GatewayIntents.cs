namespace ResearchBot.Discord.Gateway;

/// <summary>Gateway intents (bit flags).</summary>
[Flags]
public enum GatewayIntents
{
    None = 0,
    Guilds = 1 << 0,
    GuildMessages = 1 << 9,
    DirectMessages = 1 << 12,
    /// <summary>Privileged: enable it in the developer portal or message content arrives empty.</summary>
    MessageContent = 1 << 15,

    /// <summary>What the bot needs.</summary>
    Bot = Guilds | GuildMessages | DirectMessages | MessageContent,
}
