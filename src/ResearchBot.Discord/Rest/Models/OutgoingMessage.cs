using System.Text.Json.Serialization;
using ResearchBot.Display;

namespace ResearchBot.Discord.Rest.Models;

/// <summary>A message to create or the new state of one to edit; it always pings nobody. Its text never carries control characters (<see cref="DisplayText"/>).</summary>
public sealed record OutgoingMessage(
    string? Content,
    [property: JsonPropertyName("embeds")] IReadOnlyList<Embed>? Embeds = null,
    [property: JsonPropertyName("message_reference")] MessageReference? Reference = null)
{
    [JsonPropertyName("content")]
    public string? Content { get; init => field = DisplayText.CleanOrNull(value); } = DisplayText.CleanOrNull(Content);

    [JsonPropertyName("allowed_mentions")]
    public AllowedMentions AllowedMentions => AllowedMentions.None;
}

/// <summary>Makes a message a reply.</summary>
public sealed record MessageReference(
    [property: JsonPropertyName("message_id")] string MessageId,
    [property: JsonPropertyName("fail_if_not_exists")] bool FailIfNotExists = false);
