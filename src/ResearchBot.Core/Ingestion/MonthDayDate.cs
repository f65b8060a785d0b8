using System.Globalization;
using System.Text.RegularExpressions;

namespace ResearchBot.Ingestion;

/// <summary>Dates written the way Daily Papers pages write them: "Apr 28", "Oct 20, 2025", "Oct 20, 2025 5" (with upvotes).</summary>
internal static partial class MonthDayDate
{
    /// <summary>Parses a bare "Apr 28" page date line.</summary>
    public static bool TryParseMonthDay(string line, out int month, out int day)
    {
        var m = BareMonthDay().Match(line);
        month = day = 0;
        return m.Success && TryMonthDay(m.Groups["mon"].Value, m.Groups["day"].Value, out month, out day);
    }

    /// <summary>Parses a metadata line "Oct 20, 2025 5" / "Jun 5, 2025" / "Jan 14": the date (year optional) and optional upvotes.</summary>
    public static bool TryParseMetadata(string line, out int month, out int day, out int? year, out int? upvotes)
    {
        var m = MetadataLine().Match(line);
        year = upvotes = null;
        month = day = 0;
        if (!m.Success || !TryMonthDay(m.Groups["mon"].Value, m.Groups["day"].Value, out month, out day)) return false;
        if (m.Groups["year"].Success) year = int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture);
        if (m.Groups["up"].Success) upvotes = int.Parse(m.Groups["up"].Value, CultureInfo.InvariantCulture);
        return year is null || DateOnly.TryParseExact($"{year:D4}-{month:D2}-{day:D2}", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
    }

    /// <summary>True when the line is a dated metadata line that carries its year ("Oct 20, 2025 5").</summary>
    public static bool HasYear(string line) => MetadataLine().Match(line) is { Success: true } m && m.Groups["year"].Success;

    /// <summary>The latest date with this month and day that is not after <paramref name="limit"/>.</summary>
    public static DateOnly LatestNotAfter(int month, int day, DateOnly limit)
    {
        for (var year = limit.Year; year > limit.Year - 8; year--)
        {
            if (day > DateTime.DaysInMonth(year, month)) continue;
            var candidate = new DateOnly(year, month, day);
            if (candidate <= limit) return candidate;
        }
        return new DateOnly(limit.Year - 1, month, Math.Min(day, DateTime.DaysInMonth(limit.Year - 1, month)));
    }

    private static bool TryMonthDay(string mon, string dayText, out int month, out int day)
    {
        month = Array.IndexOf(Months, mon) + 1;
        day = int.Parse(dayText, CultureInfo.InvariantCulture);
        return month > 0 && day is >= 1 and <= 31 && day <= DateTime.DaysInMonth(2024, month);
    }

    private static readonly string[] Months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    [GeneratedRegex(@"^(?<mon>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (?<day>\d{1,2})$")]
    private static partial Regex BareMonthDay();

    [GeneratedRegex(@"^(?<mon>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (?<day>\d{1,2})(?:, (?<year>\d{4}))?(?: (?<up>\d{1,7}))?$")]
    private static partial Regex MetadataLine();
}
