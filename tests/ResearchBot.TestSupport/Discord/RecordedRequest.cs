using System.Text.Json;

namespace ResearchBot.TestSupport.Discord;

/// <summary>A REST request the emulator received, and the status it answered.</summary>
public sealed record RecordedRequest(string Method, string Path, string? Authorization, string? UserAgent, string Body, int Status)
{
    /// <summary>The body as JSON (an empty object when there was none).</summary>
    public JsonElement Json => Body.Length == 0 ? JsonDocument.Parse("{}").RootElement : JsonDocument.Parse(Body).RootElement;

    /// <summary>Files of a multipart request: name and text.</summary>
    public IReadOnlyList<(string Name, string Text)> Files { get; init; } = [];

    public bool Is(string method, string pathPrefix) =>
        Method == method && Path.StartsWith(pathPrefix, StringComparison.Ordinal);

    /// <summary>The <c>content</c> of a message body, or null.</summary>
    public string? Content => Json.TryGetProperty("content", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
}
