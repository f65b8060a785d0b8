using ResearchBot.Papers;

namespace ResearchBot.Retrieval.Index;

/// <summary>Drops results whose title is nearly the same as a better-ranked one (the same paper stored twice).</summary>
internal static class NearDuplicates
{
    public static List<RankedDocument> Suppress(List<RankedDocument> ranked, double similarity, int top)
    {
        var kept = new List<RankedDocument>(top);
        var keptGrams = new List<HashSet<string>>(top);
        foreach (var r in ranked)
        {
            var grams = Trigrams(TitleKey.Of(r.Title));
            if (keptGrams.Any(k => Jaccard(k, grams) >= similarity)) continue;
            kept.Add(r);
            keptGrams.Add(grams);
            if (kept.Count == top) break;
        }
        return kept;
    }

    private static HashSet<string> Trigrams(string s)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + 3 <= s.Length; i++) set.Add(s.Substring(i, 3));
        if (set.Count == 0) set.Add(s);
        return set;
    }

    private static double Jaccard(HashSet<string> a, HashSet<string> b)
    {
        var inter = a.Count(b.Contains);
        return (double)inter / (a.Count + b.Count - inter);
    }
}
