using System.Runtime.InteropServices;

namespace ResearchBot.Discord.Gateway;

/// <summary>Who the client says it is: token, intents, connection properties and, when the bot is split across processes, its shard.</summary>
internal sealed record GatewayIdentity(string Token, GatewayIntents Intents, int ShardId = 0, int ShardCount = 1)
{
    public object IdentifyPayload()
    {
        var properties = new { os = RuntimeInformation.OSDescription.Split(' ')[0].ToLowerInvariant(), browser = "ResearchBot", device = "ResearchBot" };
        return ShardCount > 1
            ? new { token = Token, intents = (int)Intents, properties, shard = new[] { ShardId, ShardCount } }
            : new { token = Token, intents = (int)Intents, properties };
    }

    public object ResumePayload(GatewaySession session) => new { token = Token, session_id = session.SessionId, seq = session.LastSequence };
}
