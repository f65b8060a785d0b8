using ResearchBot.Text.Analysis;
using ResearchBot.Papers;

namespace ResearchBot.Digest.Ranking;

/// <summary>
/// Matches papers against the reader's interests: an interest ("KV cache", "agents") matches a paper whose title or
/// abstract contains its words in order, after stemming ("KV caches" and "agentic" do not need the exact spelling).
/// </summary>
public sealed class InterestMatcher
{
    private readonly List<(string Phrase, string[] Stems)> _interests;

    /// <summary>A matcher for <paramref name="interests"/> (blank ones ignored).</summary>
    public InterestMatcher(IEnumerable<string> interests)
    {
        _interests = interests.Select(i => i.Trim()).Where(i => i.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(i => (i, TextAnalyzer.Default.ContentTerms(i).ToArray())).Where(x => x.Item2.Length > 0).ToList();
    }

    /// <summary>The interests, as given.</summary>
    public IReadOnlyList<string> Interests => _interests.Select(i => i.Phrase).ToList();

    /// <summary>Splits "kv cache, agents; rag" into phrases.</summary>
    public static IReadOnlyList<string> Parse(string text) =>
        text.Split([',', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>How well <paramref name="paper"/> matches: 0 for no interest; each matched interest counts 1, or 2 in the title.</summary>
    public int Score(Paper paper)
    {
        if (_interests.Count == 0) return 0;
        var title = TextAnalyzer.Default.ContentTerms(paper.Title);
        var body = TextAnalyzer.Default.ContentTerms(paper.Abstract);
        var score = 0;
        foreach (var (_, stems) in _interests)
        {
            if (ContainsRun(title, stems)) score += 2;
            else if (ContainsRun(body, stems)) score += 1;
        }
        return score;
    }

    private static bool ContainsRun(List<string> words, string[] run)
    {
        for (var i = 0; i + run.Length <= words.Count; i++)
        {
            var all = true;
            for (var j = 0; j < run.Length && all; j++) all = words[i + j] == run[j] || (j == run.Length - 1 && words[i + j].StartsWith(run[j], StringComparison.Ordinal) && run[j].Length >= 4);
            if (all) return true;
        }
        return false;
    }
}
