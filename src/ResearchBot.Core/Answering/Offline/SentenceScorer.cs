using ResearchBot.Answering.Sources;
using ResearchBot.Answering.Text;
using ResearchBot.Text.Analysis;
using ResearchBot.Text.SentenceRoles;

namespace ResearchBot.Answering.Offline;

/// <summary>
/// Scores the sentences of the sources' abstracts for a question: IDF-weighted overlap with the question's terms,
/// plus a bonus for the paper's own method and result sentences (a proposal most, one naming the paper more), plus, when the question asks
/// about memory, speed, cost or accuracy, a bonus for sentences that speak of it and state a figure. Background and
/// release notices are never candidates: they say nothing about what the paper does.
/// </summary>
public static class SentenceScorer
{
    /// <summary>The candidate sentences of every source, scored, with each paper's title overlap.</summary>
    public static IReadOnlyList<ScoredPaper> Score(string question, IReadOnlyList<NumberedSource> sources)
    {
        var queryTerms = TextAnalyzer.Default.ContentTerms(question).Distinct().ToList();
        var aspects = QuestionAspects.Of(question);
        var tagged = sources.Select(s => (Source: s, Sentences: SentenceRoleTagger.Tag(s.Paper.Abstract, s.Paper.Title))).ToList();
        var sentenceTerms = tagged.SelectMany(x => x.Sentences.Select(t => TextAnalyzer.Default.ContentTerms(t.Text).ToHashSet())).ToList();
        var total = Math.Max(1, sentenceTerms.Count);
        var idf = queryTerms.ToDictionary(t => t, t => Math.Log(1.0 + total / (1.0 + sentenceTerms.Count(s => s.Contains(t)))));
        var maxWeight = Math.Max(1e-9, idf.Values.Sum());
        double Coverage(IEnumerable<string> terms)
        {
            var set = terms.ToHashSet();
            return queryTerms.Where(set.Contains).Sum(t => idf[t]) / maxWeight;
        }

        var result = new List<ScoredPaper>();
        foreach (var (source, sentences) in tagged)
        {
            var titleTerms = TextAnalyzer.Default.ContentTerms(source.Paper.Title);
            var name = OfflineAnswerer.PaperName(source.Paper.Title) is var n && n != source.Paper.Title ? n : null;
            var candidates = new List<ScoredSentence>();
            foreach (var s in sentences.Where(s => s.Role is SentenceRole.Method or SentenceRole.Result or SentenceRole.Other))
            {
                if (s.Text.Length < 30) continue;
                var overlap = Coverage(TextAnalyzer.Default.ContentTerms(s.Text));
                var aspect = aspects.Any && aspects.SpokenOf(s.Text);
                var proposal = ContributionSentences.IsProposal(s.Text);
                var role = s.Role switch
                {
                    SentenceRole.Method when proposal && name is not null && s.Text.Contains(name, StringComparison.OrdinalIgnoreCase) => 0.45,
                    SentenceRole.Method when proposal => 0.35,
                    SentenceRole.Method => 0.15,
                    SentenceRole.Result => 0.12,
                    _ => 0,
                };
                var aspectBonus = aspect ? (s.HasFigure ? 0.45 : 0.2) : 0;
                var score = overlap + role + aspectBonus - 0.01 * s.Index;
                candidates.Add(new ScoredSentence(source.N, s, overlap, aspect, score));
            }
            result.Add(new ScoredPaper(source, candidates, Coverage(titleTerms), aspects.Any, name));
        }
        return result;
    }
}
