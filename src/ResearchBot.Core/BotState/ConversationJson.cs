using System.Text.Json;
using System.Text.Json.Serialization;
using ResearchBot.Answering;
using ResearchBot.Answering.References;

namespace ResearchBot.BotState;

/// <summary>The JSON form of a conversation's turns and shown list, for stores that keep them as text.</summary>
public static class ConversationJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Turns(IReadOnlyList<ChatTurn> turns) => JsonSerializer.Serialize(turns, Options);

    public static IReadOnlyList<ChatTurn> ParseTurns(string json) => JsonSerializer.Deserialize<List<ChatTurn>>(json, Options) ?? [];

    public static string? Shown(ShownList? shown) => shown is null ? null : JsonSerializer.Serialize(shown, Options);

    public static ShownList? ParseShown(string? json) => string.IsNullOrEmpty(json) ? null : JsonSerializer.Deserialize<ShownList>(json, Options);

    public static string Strings(IReadOnlyList<string> values) => JsonSerializer.Serialize(values, Options);

    public static IReadOnlyList<string> ParseStrings(string? json) => string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<List<string>>(json, Options) ?? [];
}
