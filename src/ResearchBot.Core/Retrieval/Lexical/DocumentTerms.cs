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

    /// <summary>Per distinct term, its frequency in the title and in the abstract.</summary>
    public Dictionary<string, (int Title, int Abstract)> Frequencies()
    {
        var f = new Dictionary<string, (int, int)>(StringComparer.Ordinal);
        foreach (var t in Title) { f.TryGetValue(t, out var c); f[t] = (c.Item1 + 1, c.Item2); }
        foreach (var t in Abstract) { f.TryGetValue(t, out var c); f[t] = (c.Item1, c.Item2 + 1); }
        return f;
    }
}
