using System.Text.Json.Serialization;

namespace ResearchBot.Discord.Rest.Models;

/// <summary>The first answer to an interaction: type 5 defers ("thinking…"), type 4 answers at once, type 6/7 defer or update the
/// message a button is on, type 8 gives autocomplete choices.</summary>
public sealed record InteractionResponse(
    [property: JsonPropertyName("type")] int Type,
    [property: JsonPropertyName("data")] object? Data = null)
{
    public const int DeferredChannelMessage = 5;
    public const int ChannelMessage = 4;
    public const int DeferredUpdateMessage = 6;
    public const int UpdateMessage = 7;
    public const int AutocompleteResult = 8;

    public static InteractionResponse Deferred { get; } = new(DeferredChannelMessage);

    /// <summary>Defers with a reply only the user sees ("thinking…" for them alone).</summary>
    public static InteractionResponse DeferredEphemeral { get; } = new(DeferredChannelMessage, new OutgoingMessage(null) { Flags = MessageFlags.Ephemeral });

    /// <summary>Answers at once with a short message only the user sees.</summary>
    public static InteractionResponse Ephemeral(string text) => new(ChannelMessage, new OutgoingMessage(text) { Flags = MessageFlags.Ephemeral });
}
