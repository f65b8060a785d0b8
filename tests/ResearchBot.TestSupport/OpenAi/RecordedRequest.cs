using System.Text.Json.Nodes;

namespace ResearchBot.TestSupport.OpenAi;

/// <summary>A chat completions request the fake server received.</summary>
public sealed record RecordedRequest(JsonObject Body, string? Authorization)
{
    /// <summary>True when the client asked for server-sent events.</summary>
    public bool Stream => Body["stream"]?.GetValue<bool>() == true;

    /// <summary>The messages as (role, content) pairs; tool results and calls have their JSON as content.</summary>
    public IReadOnlyList<(string Role, string Content)> Messages =>
        (Body["messages"] as JsonArray ?? []).OfType<JsonObject>()
            .Select(m => (m["role"]?.GetValue<string>() ?? "", Content(m)))
            .ToList();

    /// <summary>The names of the tools the client offered.</summary>
    public IReadOnlyList<string> ToolNames =>
        (Body["tools"] as JsonArray ?? []).OfType<JsonObject>().Select(t => t["function"]?["name"]?.GetValue<string>() ?? "").ToList();

    private static string Content(JsonObject message) => message["content"] switch
    {
        JsonValue v => v.GetValue<string>(),
        JsonArray parts => string.Concat(parts.OfType<JsonObject>().Select(p => p["text"]?.GetValue<string>() ?? "")),
        _ => message["tool_calls"]?.ToJsonString() ?? "",
    };
}
