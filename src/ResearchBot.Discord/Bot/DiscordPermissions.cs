namespace ResearchBot.Discord.Bot;

/// <summary>The permission bits the bot checks on members.</summary>
public static class DiscordPermissions
{
    /// <summary>Manage Channels: add or remove a channel's subscriptions.</summary>
    public const ulong ManageChannels = 1UL << 4;

    /// <summary>Manage Server: read the server's feedback.</summary>
    public const ulong ManageGuild = 1UL << 5;

    /// <summary>Manage Messages: turn the pages of someone else's search.</summary>
    public const ulong ManageMessages = 1UL << 13;
}
