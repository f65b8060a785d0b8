using ResearchBot.Answering.Offline;
using ResearchBot.Answering.Sources;
using ResearchBot.Text;
using ResearchBot.Text.SentenceRoles;

namespace ResearchBot.Answering.References;

/// <summary>
/// What a referenced answer quotes from a paper: what it does and what it found (its own method and result sentences,
/// tagged by <see cref="SentenceRoleTagger"/>), or its sentence on an asked aspect (scored by <see cref="SentenceScorer"/>);
/// never background or a release notice, and each worded to stand alone (<see cref="StandaloneSentence"/>: no
/// "In this paper, " or "Therefore, " opening).
/// </summary>
internal static class PaperSentences
{
    /// <summary>A sentence on the aspect must carry at least this share of the aspect's weighted words, unless it states a figure or a result on a measurable aspect asked about ("cuts the cache by 70%" for "memory cost").</summary>
    private const double MinAspectOverlap = 0.5;

    /// <summary>What <paramref name="source"/> does and what it found; either may be null when its abstract does not say.</summary>
    public static (string? Does, string? Found) Gist(NumberedSource source)
    {
        var tagged = SentenceRoleTagger.Tag(source.Paper.Abstract ?? "", source.Paper.Title);
        var does = ContributionSentences.Best(tagged, source.Paper.Title);
        var found = ContributionSentences.Finding(tagged, does);
        return (Worded(does?.Text), Worded(found?.Text));
    }

    /// <summary>The paper's sentence that best speaks to <paramref name="aspect"/> ("memory cost": the one with a figure on it), or null when none does.</summary>
    public static string? OnAspect(string aspect, NumberedSource source)
    {
        var paper = SentenceScorer.Score(aspect, [source]).Single();
        // A measurable aspect ("memory cost", "accuracy") is answered by the figure on it first, then by a result on it,
        // as the offline answer does; else by the sentence that carries the aspect's words.
        var best = paper.Candidates
            .Where(c => c.Overlap >= MinAspectOverlap - 1e-9 || OnMeasurableAspect(c))
            .OrderByDescending(c => c.SpeaksOfAspect && c.Sentence.HasFigure).ThenByDescending(OnMeasurableAspect)
            .ThenByDescending(c => c.Score).ThenBy(c => c.Position)
            .FirstOrDefault();
        return Worded(best?.Text);
    }

    /// <summary>A figure or a result on a measurable aspect asked about ("cuts the cache by 70%", "achieves gold-level scores").</summary>
    private static bool OnMeasurableAspect(ScoredSentence c) => c.SpeaksOfAspect && (c.Sentence.HasFigure || c.Sentence.Role == SentenceRole.Result);

    private static string? Worded(string? sentence) => sentence is null ? null : StandaloneSentence.Of(sentence);
}
