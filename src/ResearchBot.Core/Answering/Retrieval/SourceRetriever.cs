using ResearchBot.Text.Analysis;
using ResearchBot.Retrieval;
using ResearchBot.Storage;

namespace ResearchBot.Answering.Retrieval;

/// <summary>
/// Step 3: finds the papers to answer from. A question with content words is searched and only hits at or above the
/// relevance threshold count; a question that is only a date ("what came out today?") lists the papers of those days.
/// When nothing qualifies, the result carries "I found nothing about this in the N papers from D1 to D2."; when the range
/// holds no papers at all, "No papers from D1 to D2; the store holds N papers from F to L."
/// </summary>
public sealed class SourceRetriever(IPaperSearch search, IPaperStore store)
{
    /// <summary>Up to <paramref name="top"/> papers for <paramref name="text"/> within the range.</summary>
    public async Task<RetrievedSources> RetrieveAsync(string text, int top, DateOnly? from, DateOnly? to, CancellationToken cancellationToken)
    {
        if (IsBrowse(text) && (from is not null || to is not null))
            return await ListDaysAsync(top, from, to, cancellationToken);

        var results = await search.SearchAsync(new SearchQuery(text, top, from, to), cancellationToken);
        var relevant = results.Relevant.Take(top).Select(h => (h.Paper, h.Relevance)).ToList();
        return relevant.Count > 0
            ? new RetrievedSources(relevant, null)
            : new RetrievedSources([], await AbstainAsync(results.PapersInRange, from, to, cancellationToken));
    }

    private static readonly HashSet<string> BrowseWords = TextAnalyzer.Default.WithStems(
    [
        "came", "come", "out", "appear", "appeared", "publish", "published", "release", "released", "latest", "recent", "new", "list",
        "show", "listed", "happen", "happened", "interesting", "good", "top", "best", "summary", "summarize", "overview", "anything",
    ]);

    /// <summary>True when the question has no content words beyond "what came out", "latest papers" and the like.</summary>
    internal static bool IsBrowse(string text) =>
        text.Split([' ', '?', '!', '.', ',', '\'', '"'], StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(w => TextAnalyzer.Default.ContentTerms(w).Count == 0 ? [] : new[] { w.ToLowerInvariant() })
            .All(w => BrowseWords.Contains(w) || BrowseWords.Contains(TextAnalyzer.Default.Stem(w)));

    private async Task<RetrievedSources> ListDaysAsync(int top, DateOnly? from, DateOnly? to, CancellationToken cancellationToken)
    {
        var days = (await store.GetListingDaysAsync(cancellationToken)).Where(d => (from is null || d >= from) && (to is null || d <= to));
        var papers = new List<(ResearchBot.Papers.Paper, double)>();
        foreach (var day in days.OrderDescending())
        {
            foreach (var paper in await store.GetListedOnAsync(day, cancellationToken))
            {
                if (papers.Count < top && papers.All(p => p.Item1.Id != paper.Id)) papers.Add((paper, 1.0));
            }
            if (papers.Count >= top) break;
        }
        return papers.Count > 0
            ? new RetrievedSources(papers, null)
            : new RetrievedSources([], await AbstainAsync(await store.CountAsync(from, to, cancellationToken), from, to, cancellationToken));
    }

    private async Task<string> AbstainAsync(int papersInRange, DateOnly? from, DateOnly? to, CancellationToken cancellationToken)
    {
        if (papersInRange == 0 && (from is not null || to is not null))
        {
            var stats = await store.GetStatsAsync(cancellationToken);
            return Abstention.EmptyRange(from, to, stats.Papers, stats.Days.Count > 0 ? stats.Days[0] : null, stats.Days.Count > 0 ? stats.Days[^1] : null);
        }
        if (from is null || to is null)
        {
            var days = await store.GetListingDaysAsync(cancellationToken);
            if (days.Count > 0)
            {
                from ??= days[0];
                to ??= days[^1];
            }
        }
        return Abstention.Message(papersInRange, from, to);
    }
}
