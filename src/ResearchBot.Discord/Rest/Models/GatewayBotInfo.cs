namespace ResearchBot.Discord.Rest.Models;

/// <summary>From <c>GET /gateway/bot</c>: where to connect, and how many Identifies are left until the budget resets.</summary>
public sealed record GatewayBotInfo(string Url, int? SessionStartsRemaining, TimeSpan ResetAfter);
