using System.Globalization;

namespace ResearchBot.Ingestion;

/// <summary>Reads ISO dates and timestamps ("2025-10-20", "2025-10-20T13:00:00.000Z") as their UTC day.</summary>
internal static class IsoDate
{
    public static DateOnly? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) return day;
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? DateOnly.FromDateTime(at.UtcDateTime)
            : null;
    }
}
