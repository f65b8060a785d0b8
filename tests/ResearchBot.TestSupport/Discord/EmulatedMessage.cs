using System.Text.Json;

namespace ResearchBot.TestSupport.Discord;

/// <summary>A message as the emulator keeps it: its latest content and embeds, and how many times it was edited.</summary>
public sealed class EmulatedMessage(string id, string channelId, string? replyTo)
{
    public string Id { get; } = id;

    /// <summary>The channel id, or <c>interaction:{token}</c> for interaction responses.</summary>
    public string ChannelId { get; } = channelId;

    public string? ReplyTo { get; } = replyTo;
    public string Content { get; private set; } = "";
    public JsonElement? Embeds { get; private set; }
    public JsonElement? AllowedMentions { get; private set; }
    public int Edits { get; private set; }

    internal void Apply(JsonElement body, bool edit)
    {
        if (body.TryGetProperty("content", out var c) && c.ValueKind == JsonValueKind.String) Content = c.GetString()!;
        if (body.TryGetProperty("embeds", out var e)) Embeds = e.Clone();
        if (body.TryGetProperty("allowed_mentions", out var a)) AllowedMentions = a.Clone();
        if (edit) Edits++;
    }
}
