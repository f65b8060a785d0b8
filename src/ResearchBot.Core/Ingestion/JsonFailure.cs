using System.Text.Json;

namespace ResearchBot.Ingestion;

/// <summary>One-line reasons for JSON that cannot be read.</summary>
internal static class JsonFailure
{
    /// <summary>"nested deeper than N levels" for a depth overflow, else "truncated or broken JSON".</summary>
    public static string Describe(JsonException ex, int maxDepth) =>
        ex.Message.Contains("maximum configured depth", StringComparison.OrdinalIgnoreCase)
            ? $"JSON nested deeper than {maxDepth} levels"
            : "truncated or broken JSON";
}
