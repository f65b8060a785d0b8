using ResearchBot.Text.Analysis;

namespace ResearchBot.Retrieval.Lexical;

/// <summary>The analyzed terms of one paper's title and abstract.</summary>
public sealed record DocumentTerms(IReadOnlyList<string> Title, IReadOnlyList<string> Abstract)
{
    public static DocumentTerms Of(string title, string @abstract, TextAnalyzer? analyzer = null)
    {
        analyzer ??= TextAnalyzer.Default;
        return new DocumentTerms(analyzer.Analyze(title), analyzer.Analyze(@abstract));
    }
}
