using ResearchBot.Papers;

namespace ResearchBot.Storage;

/// <summary>Merges two records of the same paper: listings are united and the richer value of every field wins.</summary>
public static class PaperMerger
{
    private static readonly string[] MarkupWords = ["scriptsize", "mathtt", "mathrm", "mathbf", "textbf", "textit"];

    public static Paper Merge(Paper existing, Paper incoming) => existing with
    {
        Id = IsTitleId(existing.Id) && !IsTitleId(incoming.Id) ? incoming.Id : existing.Id,
        Title = BetterTitle(existing.Title, incoming.Title),
        Abstract = incoming.Abstract.Length > existing.Abstract.Length ? incoming.Abstract : existing.Abstract,
        Authors = incoming.Authors.Count > existing.Authors.Count ? incoming.Authors : existing.Authors,
        AuthorCount = Max(existing.AuthorCount ?? NullIfZero(existing.Authors.Count), incoming.AuthorCount ?? NullIfZero(incoming.Authors.Count)),
        Published = existing.Published ?? incoming.Published,
        Upvotes = Max(existing.Upvotes, incoming.Upvotes),
        Url = BetterUrl(existing.Url, incoming.Url),
        AiSummary = existing.AiSummary ?? incoming.AiSummary,
        AiKeywords = incoming.AiKeywords.Count > existing.AiKeywords.Count ? incoming.AiKeywords : existing.AiKeywords,
        Listings = [.. existing.Listings.Union(incoming.Listings).OrderBy(l => l.Day).ThenBy(l => l.Source, StringComparer.Ordinal)],
    };

    /// <summary>True when two records hold the same values (used to report "unchanged").</summary>
    public static bool SameContent(Paper a, Paper b) =>
        a.Id == b.Id && a.Title == b.Title && a.Abstract == b.Abstract && a.Authors.SequenceEqual(b.Authors)
        && a.AuthorCount == b.AuthorCount && a.Published == b.Published && a.Upvotes == b.Upvotes && a.Url == b.Url
        && a.AiSummary == b.AiSummary && a.AiKeywords.SequenceEqual(b.AiKeywords) && a.Listings.ToHashSet().SetEquals(b.Listings);

    /// <summary>True when both records carry arXiv ids and they differ: then a shared title key does not make them one paper.</summary>
    internal static bool DistinctArxivIds(Paper a, Paper b) =>
        PaperId.TryArxiv(a.Id) is { } x && PaperId.TryArxiv(b.Id) is { } y && x != y;

    private static bool IsTitleId(string id) => id.StartsWith("t-", StringComparison.Ordinal);

    private static int? NullIfZero(int n) => n == 0 ? null : n;

    private static int? Max(int? a, int? b) => a is null ? b : b is null ? a : Math.Max(a.Value, b.Value);

    private static string BetterTitle(string a, string b)
    {
        static bool HasMarkup(string t) => MarkupWords.Any(w => t.Contains(w, StringComparison.OrdinalIgnoreCase));
        return HasMarkup(a) && !HasMarkup(b) ? b : a;
    }

    private static string? BetterUrl(string? a, string? b)
    {
        if (a is null) return b;
        if (b is null) return a;
        return !a.Contains("arxiv.org", StringComparison.Ordinal) && b.Contains("arxiv.org", StringComparison.Ordinal) ? b : a;
    }
}
