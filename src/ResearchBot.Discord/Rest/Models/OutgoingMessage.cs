using System.Text.Json.Serialization;

namespace ResearchBot.Discord.Rest.Models;

/// <summary>A message to create or the new state of one to edit; it always pings nobody.</summary>
public sealed record OutgoingMessage(
    [property: JsonPropertyName("content")] string? Content,
    [property: JsonPropertyName("embeds")] IReadOnlyList<Embed>? Embeds = null,
    [property: JsonPropertyName("message_reference")] MessageReference? Reference = null)
{
    [JsonPropertyName("allowed_mentions")]
    public AllowedMentions AllowedMentions => AllowedMentions.None;
}

/// <summary>Makes a message a reply.</summary>
public sealed record MessageReference(
    [property: JsonPropertyName("message_id")] string MessageId,
    [property: JsonPropertyName("fail_if_not_exists")] bool FailIfNotExists = false);
