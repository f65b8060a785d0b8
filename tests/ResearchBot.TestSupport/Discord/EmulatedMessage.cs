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

    /// <summary>The message's components (action rows of buttons), as last sent.</summary>
    public JsonElement? Components { get; private set; }

    /// <summary>Message flags (64: ephemeral, shown to the interaction's user only).</summary>
    public int Flags { get; internal set; }

    /// <summary>Files uploaded with the message: name and text.</summary>
    public IReadOnlyList<(string Name, string Text)> Files { get; private set; } = [];

    /// <summary>True for a reply only the interaction's user sees.</summary>
    public bool IsEphemeral => (Flags & 64) != 0;

    /// <summary>The custom_ids of the message's buttons, row by row.</summary>
    public IReadOnlyList<string> ButtonIds => Components is { ValueKind: JsonValueKind.Array } rows
        ? rows.EnumerateArray().SelectMany(r => r.GetProperty("components").EnumerateArray()).Select(b => b.GetProperty("custom_id").GetString()!).ToList()
        : [];

    internal void Attach(IReadOnlyList<(string Name, string Text)> files)
    {
        if (files.Count > 0) Files = files;
    }

    internal void Apply(JsonElement body, bool edit)
    {
        if (body.TryGetProperty("content", out var c) && c.ValueKind == JsonValueKind.String) Content = c.GetString()!;
        if (body.TryGetProperty("embeds", out var e)) Embeds = e.Clone();
        if (body.TryGetProperty("allowed_mentions", out var a)) AllowedMentions = a.Clone();
        if (body.TryGetProperty("components", out var k)) Components = k.Clone();
        if (body.TryGetProperty("flags", out var f) && f.ValueKind == JsonValueKind.Number) Flags = f.GetInt32();
        if (edit) Edits++;
    }
}
