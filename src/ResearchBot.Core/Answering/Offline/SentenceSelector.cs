namespace ResearchBot.Answering.Offline;

/// <summary>
/// Picks the answer sentences: first the best sentence of each of the best papers (so the answer is diverse),
/// then the best remaining ones, at most <c>perPaper</c> from one paper.
/// </summary>
public static class SentenceSelector
{
    /// <summary>Up to <paramref name="max"/> sentences, in source order then position.</summary>
    public static IReadOnlyList<ScoredSentence> Select(IReadOnlyList<ScoredSentence> scored, int max = 5, int perPaper = 2, int minPapers = 3)
    {
        var ordered = scored.OrderByDescending(s => s.Score).ThenBy(s => s.SourceN).ThenBy(s => s.Position).ToList();
        var chosen = new List<ScoredSentence>();
        foreach (var best in ordered.GroupBy(s => s.SourceN).Select(g => g.First()).OrderByDescending(s => s.Score).ThenBy(s => s.SourceN).Take(Math.Min(minPapers, max)))
            chosen.Add(best);
        var floor = chosen.Count == 0 ? 0 : chosen.Max(s => s.Score) * 0.6;
        foreach (var s in ordered)
        {
            if (chosen.Count >= max) break;
            if (chosen.Contains(s) || s.Score < floor) continue;
            if (chosen.Count(c => c.SourceN == s.SourceN) >= perPaper) continue;
            chosen.Add(s);
        }
        return chosen.OrderBy(s => s.SourceN).ThenBy(s => s.Position).ToList();
    }
}
