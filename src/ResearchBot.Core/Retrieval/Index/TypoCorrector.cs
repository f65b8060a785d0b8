namespace ResearchBot.Retrieval.Index;

/// <summary>
/// Maps a word the index does not know to the known words one edit away (two for long words). The vocabulary is
/// bucketed by word length and by first and second letter once, so a correction compares the word only with known
/// words of a near length that share its first or second letter, not with the whole vocabulary.
/// </summary>
internal sealed class TypoCorrector
{
    private readonly IReadOnlyDictionary<string, int> _vocabulary;
    private readonly Dictionary<(int Length, char Letter), List<string>> _byFirst = [];
    private readonly Dictionary<(int Length, char Letter), List<string>> _bySecond = [];

    public TypoCorrector(IReadOnlyDictionary<string, int> vocabulary)
    {
        _vocabulary = vocabulary;
        foreach (var term in vocabulary.Keys)
        {
            if (term.Length < 3) continue;
            Bucket(_byFirst, (term.Length, term[0])).Add(term);
            Bucket(_bySecond, (term.Length, term[1])).Add(term);
        }
    }

    private static List<string> Bucket(Dictionary<(int, char), List<string>> buckets, (int, char) key) =>
        buckets.TryGetValue(key, out var list) ? list : buckets[key] = [];

    /// <summary>
    /// Up to <paramref name="maxResults"/> known words within one edit of <paramref name="term"/> (two from eight letters
    /// on) that share its first or second letter: fewest edits first, then the most common.
    /// </summary>
    public IEnumerable<string> Corrections(string term, int maxResults = 2)
    {
        if (term.Length < 2) return [];
        var maxEdits = term.Length >= 8 ? 2 : 1;
        var found = new List<(string Term, int Edits, int Df)>();
        for (var length = Math.Max(3, term.Length - maxEdits); length <= term.Length + maxEdits; length++)
        {
            if (_byFirst.TryGetValue((length, term[0]), out var first))
                foreach (var candidate in first) Consider(candidate);
            if (_bySecond.TryGetValue((length, term[1]), out var second))
                foreach (var candidate in second)
                    if (candidate[0] != term[0]) Consider(candidate);
        }
        return found.OrderBy(f => f.Edits).ThenByDescending(f => f.Df).ThenBy(f => f.Term, StringComparer.Ordinal)
            .Take(maxResults).Select(f => f.Term);

        void Consider(string candidate)
        {
            var edits = Distance(term, candidate, maxEdits);
            if (edits <= maxEdits) found.Add((candidate, edits, _vocabulary[candidate]));
        }
    }

    /// <summary>Optimal string alignment distance (edits with adjacent transpositions), stopping early above <paramref name="max"/>.</summary>
    internal static int Distance(string a, string b, int max)
    {
        if (b.Length > 256) return Math.Abs(a.Length - b.Length) > max ? max + 1 : SlowDistance(a, b, max);
        Span<int> rows = stackalloc int[3 * (b.Length + 1)];
        return Distance(a, b, max, rows);
    }

    private static int SlowDistance(string a, string b, int max) => Distance(a, b, max, new int[3 * (b.Length + 1)]);

    private static int Distance(string a, string b, int max, Span<int> rows)
    {
        var width = b.Length + 1;
        var prev2 = rows[..width];
        var prev = rows.Slice(width, width);
        var cur = rows.Slice(2 * width, width);
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
            var spare = prev2;
            prev2 = prev;
            prev = cur;
            cur = spare;
        }
        return prev[b.Length];
    }
}
