namespace ResearchBot.Discord.Gateway;

/// <summary>What a close code from the gateway asks of the client.</summary>
public enum CloseAction
{
    /// <summary>Reconnect and Resume the session.</summary>
    Resume,
    /// <summary>Reconnect and Identify afresh.</summary>
    Reidentify,
    /// <summary>Stop: retrying cannot help.</summary>
    Fatal,
}

/// <summary>Classifies gateway close codes and explains the fatal ones.</summary>
public static class GatewayCloseCodes
{
    public static CloseAction Classify(int? code) => code switch
    {
        4004 or 4010 or 4011 or 4012 or 4013 or 4014 => CloseAction.Fatal,
        4007 or 4009 or 1000 or 1001 => CloseAction.Reidentify,
        _ => CloseAction.Resume,
    };

    /// <summary>A clear explanation of a fatal close code.</summary>
    public static string Explain(int code) => code switch
    {
        4004 => "authentication failed: the bot token is wrong or was reset (set Discord:Token)",
        4010 => "invalid shard sent when identifying",
        4011 => "sharding is required: the bot is in too many guilds for one connection",
        4012 => "invalid gateway API version",
        4013 => "invalid intents",
        4014 => "disallowed intents: enable the Message Content intent for the bot in the Discord developer portal",
        _ => $"close code {code}",
    };
}
