namespace ResearchBot.Discord.Gateway;

/// <summary>How one gateway connection ended and what comes next.</summary>
internal enum ConnectionOutcome
{
    /// <summary>Reconnect and Resume.</summary>
    Resume,
    /// <summary>Reconnect and Identify afresh.</summary>
    Reidentify,
    /// <summary>The client asked to stop; the socket was closed with 1000.</summary>
    Stopped,
}
