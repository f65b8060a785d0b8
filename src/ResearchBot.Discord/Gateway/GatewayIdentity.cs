using System.Runtime.InteropServices;

namespace ResearchBot.Discord.Gateway;

/// <summary>Who the client says it is: token, intents and connection properties.</summary>
internal sealed record GatewayIdentity(string Token, GatewayIntents Intents)
{
    public object IdentifyPayload() => new
    {
        token = Token,
        intents = (int)Intents,
        properties = new { os = RuntimeInformation.OSDescription.Split(' ')[0].ToLowerInvariant(), browser = "ResearchBot", device = "ResearchBot" },
    };

    public object ResumePayload(GatewaySession session) => new { token = Token, session_id = session.SessionId, seq = session.LastSequence };
}
