namespace ResearchBot.Retrieval.Index;

/// <summary>Maps a word the index does not know to the known words one edit away (two for long words).</summary>
internal static class TypoCorrector
{
    public static IEnumerable<string> Corrections(string term, IReadOnlyDictionary<string, int> vocabulary, int maxResults = 2)
    {
        var maxEdits = term.Length >= 8 ? 2 : 1;
        var found = new List<(string Term, int Edits, int Df)>();
        foreach (var (candidate, df) in vocabulary)
        {
            if (Math.Abs(candidate.Length - term.Length) > maxEdits || candidate.Length < 3) continue;
            if (candidate[0] != term[0] && (candidate.Length < 2 || term.Length < 2 || candidate[1] != term[1])) continue;
            var edits = Distance(term, candidate, maxEdits);
            if (edits <= maxEdits) found.Add((candidate, edits, df));
        }
        return found.OrderBy(f => f.Edits).ThenByDescending(f => f.Df).Take(maxResults).Select(f => f.Term);
    }

    /// <summary>Optimal string alignment distance (edits with adjacent transpositions), stopping early above <paramref name="max"/>.</summary>
    internal static int Distance(string a, string b, int max)
    {
        var prev2 = new int[b.Length + 1];
        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) prev[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            var rowMin = cur[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var v = Math.Min(Math.Min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) v = Math.Min(v, prev2[j - 2] + 1);
                cur[j] = v;
                rowMin = Math.Min(rowMin, v);
            }
            if (rowMin > max) return max + 1;
            (prev2, prev, cur) = (prev, cur, prev2);
        }
        return prev[b.Length];
    }
}
