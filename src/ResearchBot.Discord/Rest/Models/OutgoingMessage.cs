using System.Text.Json.Serialization;
using ResearchBot.Display;

namespace ResearchBot.Discord.Rest.Models;

/// <summary>A message to create or the new state of one to edit; it always pings nobody. Its text never carries control characters (<see cref="DisplayText"/>).</summary>
public sealed record OutgoingMessage(
    string? Content,
    [property: JsonPropertyName("embeds")] IReadOnlyList<Embed>? Embeds = null,
    [property: JsonPropertyName("message_reference")] MessageReference? Reference = null,
    [property: JsonPropertyName("components")] IReadOnlyList<ActionRow>? Components = null)
{
    /// <summary>Message flags; <see cref="MessageFlags.Ephemeral"/> shows an interaction reply to its user only.</summary>
    [JsonPropertyName("flags")]
    public int? Flags { get; init; }

    /// <summary>Files to upload with the message (sent as multipart, listed in <c>attachments</c>).</summary>
    [JsonIgnore]
    public IReadOnlyList<FileAttachment>? Files { get; init; }

    /// <summary>The <c>attachments</c> entries of <see cref="Files"/>.</summary>
    [JsonPropertyName("attachments")]
    public IReadOnlyList<object>? Attachments => Files is { Count: > 0 } f ? f.Select((file, i) => (object)new { id = i, filename = file.FileName }).ToList() : null;

    [JsonPropertyName("content")]
    public string? Content { get; init => field = DisplayText.CleanOrNull(value); } = DisplayText.CleanOrNull(Content);

    [JsonPropertyName("allowed_mentions")]
    public AllowedMentions AllowedMentions => AllowedMentions.None;
}

/// <summary>Makes a message a reply.</summary>
public sealed record MessageReference(
    [property: JsonPropertyName("message_id")] string MessageId,
    [property: JsonPropertyName("fail_if_not_exists")] bool FailIfNotExists = false);

/// <summary>Message flag bits.</summary>
public static class MessageFlags
{
    public const int Ephemeral = 1 << 6;
}
