using ResearchBot.Retrieval.Text;

namespace ResearchBot.Retrieval.Index;

/// <summary>A question analyzed for ranking: weighted index terms (typos mapped to known words), and adjacent pairs for proximity.</summary>
internal sealed class QueryTerms
{
    private readonly SearchSnapshot _snapshot;
    private readonly List<(string A, string B, double Weight)> _pairs = [];
    private readonly List<(HashSet<string> Forms, double Idf)> _coverage = [];
    private double _coverageTotal;

    private QueryTerms(SearchSnapshot snapshot) => _snapshot = snapshot;

    /// <summary>Distinct terms with their weights (a repeated word counts more; a typo correction a little less).</summary>
    public List<(string Term, double Weight)> Weighted { get; } = [];

    public static QueryTerms Parse(string text, SearchSnapshot s, RetrievalOptions options)
    {
        var q = new QueryTerms(s);
        var raw = TextAnalyzer.Default.Analyze(text, isQuestion: true);
        var resolved = new List<HashSet<string>>(raw.Count);
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var term in raw)
        {
            var forms = new HashSet<string>(StringComparer.Ordinal) { term };
            if (!s.DocumentFrequency.ContainsKey(term) && term.Length >= options.TypoMinLength)
                foreach (var fix in TypoCorrector.Corrections(term, s.DocumentFrequency)) forms.Add(fix);
            resolved.Add(forms);
            foreach (var f in forms) weights[f] = weights.GetValueOrDefault(f) + (f == term ? 1.0 : 0.7);
        }
        q.Weighted.AddRange(weights.Select(kv => (kv.Key, kv.Value)));

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < raw.Count; i++)
        {
            if (seen.Add(raw[i])) q._coverage.Add((resolved[i], resolved[i].Max(f => s.Idf(f))));
            if (i + 1 < raw.Count && raw[i] != raw[i + 1])
                q._pairs.Add((raw[i], raw[i + 1], Math.Min(q.BestIdf(resolved[i]), q.BestIdf(resolved[i + 1]))));
        }
        // Pairs are matched on the resolved forms too.
        q._resolvedPairs = [];
        for (var i = 0; i + 1 < raw.Count; i++)
            if (raw[i] != raw[i + 1]) q._resolvedPairs.Add((resolved[i], resolved[i + 1]));
        q._coverageTotal = q._coverage.Sum(c => c.Idf);
        return q;
    }

    private List<(HashSet<string> A, HashSet<string> B)> _resolvedPairs = [];

    private double BestIdf(HashSet<string> forms) => forms.Max(f => _snapshot.DocumentFrequency.ContainsKey(f) ? _snapshot.Idf(f) : 0);

    /// <summary>0..1: the IDF-weighted share of adjacent question-word pairs found close together in <paramref name="doc"/>.</summary>
    public double Proximity(List<string> doc, int window)
    {
        var total = _pairs.Sum(p => p.Weight);
        if (total <= 0) return 0;
        var positions = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < doc.Count; i++)
        {
            if (!positions.TryGetValue(doc[i], out var l)) positions[doc[i]] = l = [];
            l.Add(i);
        }
        var bonus = 0.0;
        for (var k = 0; k < _pairs.Count; k++)
        {
            var best = int.MaxValue;
            foreach (var a in _resolvedPairs[k].A)
            {
                if (!positions.TryGetValue(a, out var la)) continue;
                foreach (var b in _resolvedPairs[k].B)
                {
                    if (!positions.TryGetValue(b, out var lb)) continue;
                    foreach (var x in la) foreach (var y in lb) best = Math.Min(best, Math.Abs(y - x));
                }
            }
            if (best <= window) bonus += _pairs[k].Weight / best;
        }
        return bonus / total;
    }

    /// <summary>0..1: the IDF-weighted share of the question's words that occur in <paramref name="doc"/>.</summary>
    public double Coverage(List<string> doc)
    {
        if (_coverageTotal <= 0) return 0;
        var set = new HashSet<string>(doc, StringComparer.Ordinal);
        return _coverage.Where(c => c.Forms.Overlaps(set)).Sum(c => c.Idf) / _coverageTotal;
    }
}
