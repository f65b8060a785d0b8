using System.Text.Json;

namespace ResearchBot.Storage.BotState;

/// <summary>The JSON form of the bot-state values kept as text (answer sources, citations, paper ids), shared by every provider.</summary>
internal static class BotStateJson
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string ToJson<T>(T value) => JsonSerializer.Serialize(value, Json);

    public static T FromJson<T>(string text) => JsonSerializer.Deserialize<T>(text, Json)!;
}
