using ResearchBot.Text.Analysis;
using ResearchBot.Papers;

namespace ResearchBot.Digest.Clustering;

/// <summary>L2-normalized TF-IDF vectors of papers (title terms count double), plus each stem's most common surface word for naming.</summary>
public sealed class TfIdfVectors
{
    private TfIdfVectors(IReadOnlyList<Dictionary<string, double>> vectors, IReadOnlyDictionary<string, string> surface)
    {
        Vectors = vectors;
        Surface = surface;
    }

    /// <summary>One sparse vector per paper, in input order.</summary>
    public IReadOnlyList<Dictionary<string, double>> Vectors { get; }

    /// <summary>The most frequent spelling (case kept, e.g. "LLMs", "GPU") of the words that stem to a term.</summary>
    public IReadOnlyDictionary<string, string> Surface { get; }

    /// <summary>Vectors for <paramref name="papers"/>.</summary>
    public static TfIdfVectors Build(IReadOnlyList<Paper> papers)
    {
        var counts = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        var tfs = new List<Dictionary<string, double>>();
        foreach (var p in papers)
        {
            var tf = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var (text, weight) in new[] { (p.Title, 2.0), (p.Abstract, 1.0) })
            {
                foreach (var word in Words(text))
                {
                    var stem = TextAnalyzer.Default.ContentTerms(word.ToLowerInvariant(), Stemming.Light).FirstOrDefault();
                    if (stem is null) continue;
                    tf[stem] = tf.GetValueOrDefault(stem) + weight;
                    var forms = counts.TryGetValue(stem, out var f) ? f : counts[stem] = new(StringComparer.Ordinal);
                    forms[word] = forms.GetValueOrDefault(word) + 1;
                }
            }
            tfs.Add(tf);
        }
        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var tf in tfs) foreach (var t in tf.Keys) df[t] = df.GetValueOrDefault(t) + 1;
        var n = papers.Count;
        var vectors = tfs.Select(tf =>
        {
            var v = tf.Where(kv => df[kv.Key] >= 2 || n <= 3)
                .ToDictionary(kv => kv.Key, kv => (1 + Math.Log(kv.Value)) * Math.Log((1.0 + n) / df[kv.Key]), StringComparer.Ordinal);
            var norm = Math.Sqrt(v.Values.Sum(x => x * x));
            if (norm > 0) foreach (var k in v.Keys.ToList()) v[k] /= norm;
            return v;
        }).ToList();
        var surface = counts.ToDictionary(kv => kv.Key,
            kv => kv.Value.OrderByDescending(f => f.Value).ThenBy(f => f.Key, StringComparer.Ordinal).First().Key, StringComparer.Ordinal);
        return new TfIdfVectors(vectors, surface);
    }

    /// <summary>Cosine similarity of two normalized sparse vectors.</summary>
    public static double Cosine(Dictionary<string, double> a, Dictionary<string, double> b)
    {
        if (a.Count > b.Count) (a, b) = (b, a);
        var sum = 0.0;
        foreach (var (k, v) in a) if (b.TryGetValue(k, out var w)) sum += v * w;
        return sum;
    }

    private static IEnumerable<string> Words(string text) =>
        text.Split([' ', '\t', '\n', '\r', ',', '.', ';', ':', '(', ')', '[', ']', '"', '\'', '?', '!', '/'], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Trim('-'))
            .Where(w => w.Length >= 3 && w.Any(char.IsLetter));
}
