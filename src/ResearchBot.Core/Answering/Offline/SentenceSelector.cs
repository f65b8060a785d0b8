using ResearchBot.Text.SentenceRoles;

namespace ResearchBot.Answering.Offline;

/// <summary>
/// Picks what an offline answer says about each paper: its main contribution sentence (what the paper does: a
/// proposal naming it, else its first proposal, else its best method sentence), and a second sentence with what it
/// found: the figure on the aspect asked about (memory, speed, cost, accuracy) when the question asks about one, else
/// a result with a figure on the question's topic, else a sentence that answers the question much better than the
/// first. Papers whose chosen sentences and title hardly address the question are left out (the top source stays); one
/// that retrieval judged nearly as relevant as the most relevant source needs to address the question less.
/// </summary>
public static class SentenceSelector
{
    /// <summary>A paper must address at least this share of the question's weighted terms to be included…</summary>
    public const double MinAddress = 0.2;

    /// <summary>…and at least this fraction of what the best paper addresses…</summary>
    public const double MinAddressOfBest = 0.5;

    /// <summary>
    /// A paper retrieval judged nearly as relevant as the most relevant source (at least this fraction of its relevance)
    /// is kept when its sentences address at least <see cref="MinAddressWhenRelevant"/> of the question: its abstract may
    /// word the topic differently from the question.
    /// </summary>
    public const double MinRelevanceOfBest = 0.7;

    /// <summary>The share of the question's weighted terms a paper nearly as relevant as the best must still address.</summary>
    public const double MinAddressWhenRelevant = 0.1;

    /// <summary>
    /// The papers to show, each with one or two sentences: at most <paramref name="maxSentences"/> papers, and at most that
    /// many sentences besides the figures on the aspect asked about.
    /// </summary>
    public static IReadOnlyList<PaperPick> Select(IReadOnlyList<ScoredPaper> papers, int maxSentences = 5)
    {
        var picks = papers.Select(Pick).Where(p => p is not null).Select(p => p!).ToList();
        if (picks.Count == 0) return [];
        var best = picks.Max(p => p.Address);
        var first = picks[0];
        var topRelevance = picks.Max(p => p.Source.Relevance);
        // A question with no content words ("What came out on Apr 27?") lists papers: nothing to leave out by.
        var kept = best <= 0 ? picks
            : picks.Where(p => p == first
                || (p.Address >= MinAddress && p.Address >= MinAddressOfBest * best)
                || (p.Address >= MinAddressWhenRelevant && p.Source.Relevance >= MinRelevanceOfBest * topRelevance)).ToList();

        // Budget: one lead sentence per kept paper, in retrieval order; a figure on the aspect asked about comes with
        // its paper's lead without counting; the sentences left over go to results with figures on the topic.
        var budget = Math.Max(1, maxSentences);
        var result = new List<PaperPick>();
        foreach (var p in kept)
        {
            if (budget == 0) break;
            budget--;
            result.Add(p.AspectFigure ? p : p with { Found = null });
        }
        for (var i = 0; i < result.Count && budget > 0; i++)
        {
            var original = kept.First(k => k.Source.N == result[i].Source.N);
            if (result[i].Found is null && original.Found is not null) { result[i] = original; budget--; }
        }
        return result;
    }

    private static PaperPick? Pick(ScoredPaper paper)
    {
        var candidates = paper.Candidates;
        if (candidates.Count == 0) return null;

        // What the paper does: its main contribution sentence (a proposal naming it, else its first proposal, else its
        // best method sentence).
        var methods = candidates.Where(c => c.Sentence.Role == SentenceRole.Method).ToList();
        var proposals = methods.Where(c => ContributionSentences.IsProposal(c.Text)).ToList();
        var main = proposals.FirstOrDefault(c => paper.Name is { } name && c.Text.Contains(name, StringComparison.OrdinalIgnoreCase))
            ?? proposals.FirstOrDefault();
        var lead = main ?? methods.MaxBy(c => c.Score) ?? candidates.MaxBy(c => c.Score)!;

        // What it found: the figure on the aspect asked about; else a result with a figure on the question's topic;
        // else the sentence that answers the question much better than the lead.
        var others = candidates.Where(c => c != lead).ToList();
        ScoredSentence? found = null;
        var aspectFigure = false;
        if (paper.AspectAsked)
        {
            found = others.Where(c => c.SpeaksOfAspect && c.Sentence.HasFigure).MaxBy(c => c.Score)
                ?? others.Where(c => c.SpeaksOfAspect && c.Sentence.Role == SentenceRole.Result).MaxBy(c => c.Score);
            aspectFigure = found is not null || (lead.SpeaksOfAspect && lead.Sentence.HasFigure);
        }
        found ??= others.Where(c => c.Sentence.Role == SentenceRole.Result && c.Sentence.HasFigure && c.Overlap > 0).MaxBy(c => c.Score);
        found ??= others.Where(c => c.Overlap >= lead.Overlap + 0.2).MaxBy(c => c.Score);
        var overlap = Math.Max(lead.Overlap, found?.Overlap ?? 0);
        var address = 0.6 * overlap + 0.4 * paper.TitleOverlap + (aspectFigure ? 0.1 : 0);
        return new PaperPick(paper.Source, lead, found, address, aspectFigure);
    }
}
