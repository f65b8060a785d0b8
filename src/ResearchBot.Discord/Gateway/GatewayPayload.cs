using System.Text.Json;
using System.Text.Json.Serialization;

namespace ResearchBot.Discord.Gateway;

/// <summary>One gateway frame: <c>{op, d, s, t}</c>.</summary>
public sealed record GatewayPayload(
    [property: JsonPropertyName("op")] GatewayOpCode Op,
    [property: JsonPropertyName("d")] JsonElement D,
    [property: JsonPropertyName("s")] long? S = null,
    [property: JsonPropertyName("t")] string? T = null);
