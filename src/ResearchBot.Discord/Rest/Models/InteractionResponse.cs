using System.Text.Json.Serialization;

namespace ResearchBot.Discord.Rest.Models;

/// <summary>The first answer to an interaction: type 5 defers ("thinking…"), type 4 answers at once.</summary>
public sealed record InteractionResponse(
    [property: JsonPropertyName("type")] int Type,
    [property: JsonPropertyName("data")] OutgoingMessage? Data = null)
{
    public const int DeferredChannelMessage = 5;
    public const int ChannelMessage = 4;

    public static InteractionResponse Deferred { get; } = new(DeferredChannelMessage);
}
