namespace ResearchBot.Discord.Gateway;

/// <summary>What a resume needs, and who the bot is: kept from READY, with the last sequence number.</summary>
public sealed class GatewaySession
{
    public string? SessionId { get; private set; }
    public string? ResumeGatewayUrl { get; private set; }
    public ulong BotUserId { get; private set; }
    public ulong ApplicationId { get; private set; }
    public long? LastSequence { get; private set; }

    /// <summary>True when a Resume can be attempted.</summary>
    public bool CanResume => SessionId is not null && ResumeGatewayUrl is not null;

    internal void Ready(string sessionId, string resumeGatewayUrl, ulong botUserId, ulong applicationId)
    {
        SessionId = sessionId;
        ResumeGatewayUrl = resumeGatewayUrl;
        BotUserId = botUserId;
        ApplicationId = applicationId;
    }

    internal void Track(long? sequence)
    {
        if (sequence is { } s && (LastSequence is null || s > LastSequence)) LastSequence = s;
    }

    /// <summary>Forgets the session (a fresh Identify follows); who the bot is stays known.</summary>
    internal void Invalidate()
    {
        SessionId = null;
        ResumeGatewayUrl = null;
        LastSequence = null;
    }
}
