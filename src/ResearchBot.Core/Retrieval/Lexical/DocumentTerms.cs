using ResearchBot.Retrieval.Text;

namespace ResearchBot.Retrieval.Lexical;

/// <summary>The analyzed terms of one paper's title and abstract.</summary>
public sealed record DocumentTerms(IReadOnlyList<string> Title, IReadOnlyList<string> Abstract)
{
    public static DocumentTerms Of(string title, string @abstract, TextAnalyzer? analyzer = null)
    {
        analyzer ??= TextAnalyzer.Default;
        return new DocumentTerms(analyzer.Analyze(title), analyzer.Analyze(@abstract));
    }

    [ThreadStatic] private static Dictionary<string, (int Title, int Abstract)>? _scratch;

    /// <summary>Per distinct term, its frequency in the title and in the abstract.</summary>
    public TermFrequencies Frequencies()
    {
        var f = _scratch ??= new Dictionary<string, (int, int)>(256, StringComparer.Ordinal);
        f.Clear();
        foreach (var t in Title) { f.TryGetValue(t, out var c); f[t] = (c.Title + 1, c.Abstract); }
        foreach (var t in Abstract) { f.TryGetValue(t, out var c); f[t] = (c.Title, c.Abstract + 1); }
        var terms = new string[f.Count];
        var counts = new (int, int)[f.Count];
        var i = 0;
        foreach (var (t, c) in f) { terms[i] = t; counts[i++] = c; }
        return new TermFrequencies(terms, counts);
    }
}

/// <summary>The distinct terms of a document with their title and abstract frequencies.</summary>
public sealed record TermFrequencies(string[] Terms, (int Title, int Abstract)[] Counts)
{
    public IEnumerable<(string Term, (int Title, int Abstract) Count)> Pairs()
    {
        for (var i = 0; i < Terms.Length; i++) yield return (Terms[i], Counts[i]);
    }
}
