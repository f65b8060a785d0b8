using System.Globalization;

namespace ResearchBot.Digest;

/// <summary>The listing days a digest covers: one day, or a span of days (both ends included).</summary>
public sealed record DigestPeriod(DateOnly From, DateOnly To)
{
    /// <summary>One listing day.</summary>
    public static DigestPeriod Day(DateOnly day) => new(day, day);

    /// <summary>True for a span of more than one day.</summary>
    public bool IsSpan => To > From;

    /// <summary>How many days it covers.</summary>
    public int Days => To.DayNumber - From.DayNumber + 1;

    /// <summary>The span of the same length just before this one.</summary>
    public DigestPeriod Previous() => new(From.AddDays(-Days), From.AddDays(-1));

    /// <summary>True when <paramref name="day"/> falls inside.</summary>
    public bool Contains(DateOnly day) => day >= From && day <= To;

    /// <summary>"2026-04-28" or "2026-04-22 to 2026-04-28".</summary>
    public override string ToString() => IsSpan ? $"{Iso(From)} to {Iso(To)}" : Iso(From);

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
