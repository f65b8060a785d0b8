using System.Text.RegularExpressions;
using ResearchBot.Answering.Sources;
using ResearchBot.Answering.Text;

namespace ResearchBot.Answering.Offline;

/// <summary>
/// Scores abstract sentences for a question: IDF-weighted overlap of stemmed query terms (title terms count a little),
/// plus a bonus for the paper's contribution sentence and early position, plus the paper's retrieval relevance.
/// </summary>
public static partial class SentenceScorer
{
    /// <summary>Every sentence of every source, scored.</summary>
    public static IReadOnlyList<ScoredSentence> Score(string question, IReadOnlyList<NumberedSource> sources)
    {
        var queryTerms = Terms.Of(question).Distinct().ToList();
        var split = sources.Select(s => (Source: s, Sentences: Sentences.Split(s.Paper.Abstract))).ToList();
        var sentenceTerms = split.SelectMany(x => x.Sentences.Select(t => Terms.Of(t).ToHashSet())).ToList();
        var total = Math.Max(1, sentenceTerms.Count);
        var idf = queryTerms.ToDictionary(t => t, t => Math.Log(1.0 + total / (1.0 + sentenceTerms.Count(s => s.Contains(t)))));
        var maxWeight = Math.Max(1e-9, idf.Values.Sum());

        var result = new List<ScoredSentence>();
        var rank = 0;
        foreach (var (source, sentences) in split)
        {
            var titleTerms = Terms.Of(source.Paper.Title).ToHashSet();
            var titleMatch = queryTerms.Where(titleTerms.Contains).Sum(t => idf[t]) / maxWeight;
            for (var i = 0; i < sentences.Count; i++)
            {
                var text = sentences[i];
                var terms = Terms.Of(text).ToHashSet();
                var overlap = queryTerms.Where(terms.Contains).Sum(t => idf[t]) / maxWeight;
                var position = i == 0 ? 0.08 : i == 1 ? 0.04 : 0;
                var contribution = Contribution().IsMatch(text) ? 0.15 : 0;
                var tooShort = text.Length < 40 ? -0.2 : 0;
                var score = overlap + 0.15 * titleMatch * (contribution > 0 || i == 0 ? 1 : 0.3)
                    + position + contribution + 0.2 * source.Relevance + 0.05 / (1 + rank) + tooShort;
                result.Add(new ScoredSentence(source.N, i, text, score));
            }
            rank++;
        }
        return result;
    }

    /// <summary>True when the sentence states the paper's contribution ("We propose …", "This paper introduces …").</summary>
    public static bool IsContribution(string sentence) => Contribution().IsMatch(sentence);

    [GeneratedRegex(@"\b(?:we|this (?:paper|work)|in this (?:paper|work),? we|here,? we)\s+(?:\w+\s+){0,2}?(?:propose|proposes|introduce|introduces|present|presents|develop|develops|design|release|describe|unveil|build)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Contribution();
}
