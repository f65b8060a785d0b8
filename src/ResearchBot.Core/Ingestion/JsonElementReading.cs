using System.Text.Json;

namespace ResearchBot.Ingestion;

/// <summary>Lenient reads of optional fields from JSON paper records.</summary>
internal static class JsonElementReading
{
    public static string? GetString(this JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    public static int? GetInt(this JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var i) ? i : null;

    public static JsonElement? GetObject(this JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Object ? v : null;

    /// <summary>A date from an ISO date or timestamp field ("2025-10-20" or "2025-10-20T13:00:00.000Z"), as its UTC day.</summary>
    public static DateOnly? GetDate(this JsonElement obj, string name) => IsoDate.Parse(obj.GetString(name));

    /// <summary>Strings of an array field; array items may be strings or objects with a <c>name</c>.</summary>
    public static IReadOnlyList<string> GetNames(this JsonElement obj, string name)
    {
        if (obj.ValueKind != JsonValueKind.Object || !obj.TryGetProperty(name, out var v) || v.ValueKind != JsonValueKind.Array) return [];
        var names = new List<string>(v.GetArrayLength());
        foreach (var item in v.EnumerateArray())
        {
            var text = item.ValueKind switch
            {
                JsonValueKind.String => item.GetString(),
                JsonValueKind.Object => item.GetString("name"),
                _ => null,
            };
            text = TextCleanup.CollapseWhitespace(text);
            if (text.Length > 0) names.Add(text);
        }
        return names;
    }
}
