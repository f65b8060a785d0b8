using System.Globalization;
using ResearchBot.Digest;

namespace ResearchBot.Cli.Output;

/// <summary>Phrases every digest format shares: the title naming the listing day(s), the counts, upvotes and dates.</summary>
internal static class DigestText
{
    /// <summary>"Digest of 2026-04-28" or "Digest of 2026-04-22 to 2026-04-28".</summary>
    public static string Title(DailyDigest digest) =>
        digest.IsSpan ? $"Digest of {Day(digest.From)} to {Day(digest.Date)}" : $"Digest of {Day(digest.Date)}";

    /// <summary>"57 papers listed on 2026-04-28, in 11 themes."</summary>
    public static string Summary(DailyDigest digest)
    {
        var papers = digest.Sources.Count == 1 ? "1 paper" : $"{digest.Sources.Count} papers";
        var themes = digest.Themes.Count == 1 ? "1 theme" : $"{digest.Themes.Count} themes";
        var listed = digest.IsSpan ? $"listed from {Day(digest.From)} to {Day(digest.Date)}" : $"listed on {Day(digest.Date)}";
        return $"{papers} {listed}, in {themes}. Dates next to papers are publication dates.";
    }

    /// <summary>" (17 upvotes)" or "".</summary>
    public static string Upvotes(DigestItem item) => item.Upvotes is > 0 and var u ? $" ({u} upvote{(u == 1 ? "" : "s")})" : "";

    public static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
