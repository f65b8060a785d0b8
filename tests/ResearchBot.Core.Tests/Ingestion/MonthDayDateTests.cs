using ResearchBot.Ingestion;

namespace ResearchBot.Tests.Ingestion;

public class MonthDayDateTests
{
    [Theory]
    [InlineData(4, 28, "2026-11-23", "2026-04-28")]
    [InlineData(12, 24, "2026-11-23", "2025-12-24")]
    [InlineData(11, 23, "2026-11-23", "2026-11-23")]
    [InlineData(2, 29, "2026-11-23", "2024-02-29")]
    public void A_month_and_day_take_the_latest_year_not_after_the_limit(int month, int day, string limit, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected), MonthDayDate.LatestNotAfter(month, day, DateOnly.Parse(limit)));
    }

    [Theory]
    [InlineData("Oct 20, 2025 5", 10, 20, 2025, 5)]
    [InlineData("Jun 5, 2025", 6, 5, 2025, null)]
    [InlineData("Jan 14", 1, 14, null, null)]
    public void Metadata_lines_give_date_parts_and_upvotes(string line, int month, int day, int? year, int? upvotes)
    {
        Assert.True(MonthDayDate.TryParseMetadata(line, out var m, out var d, out var y, out var u));
        Assert.Equal((month, day, year, upvotes), (m, d, y, u));
    }

    [Theory]
    [InlineData("Octopus 20")]
    [InlineData("Feb 30, 2025")]
    [InlineData("May the Force be with you")]
    public void Other_lines_are_not_dates(string line)
    {
        Assert.False(MonthDayDate.TryParseMetadata(line, out _, out _, out _, out _));
    }
}
