namespace ResearchBot.Retrieval.Index;

/// <summary>
/// A candidate's 0..1 relevance, from how well it covers the question's concepts: the IDF-weighted share of the
/// question's words it holds (rare, content-bearing words weigh most; a word no paper holds counts against every paper,
/// so a question about a concept the store lacks is covered badly whatever common words it shares; a word matched only
/// through a typo correction counts half), the evidence it holds in absolute terms (the IDF of those words, saturating at
/// a few rare words, so a long paraphrase is not judged by its share alone), its vector similarity and the question's word
/// pairs found together. A paper that holds no question word as written (only typo corrections) is never relevant.
/// </summary>
/// <remarks>
/// The weights and <see cref="RetrievalOptions.RelevanceThreshold"/> were calibrated together on the labelled tuning
/// questions in <c>data/eval</c> (answerable paraphrases with their papers, near-miss AI topics and everyday questions the
/// store does not cover), balancing the share of answerable questions still answered from a relevant paper against the
/// share of unanswerable ones that abstain; the <c>*-holdout.jsonl</c> files were kept out of that choice.
/// </remarks>
internal static class RelevanceModel
{
    public const double CoverageWeight = 0.3;
    public const double EvidenceWeight = 0.3;
    public const double CosineWeight = 0.5;
    public const double ProximityWeight = 0.07;

    /// <summary>The relevance of one candidate.</summary>
    public static double Relevance(QueryTerms.DocumentMatch match, double cosine, double proximity) =>
        match.AnyExact()
            ? Math.Clamp(CoverageWeight * match.Coverage() + EvidenceWeight * match.Evidence() + CosineWeight * cosine + ProximityWeight * proximity, 0, 1)
            : 0;
}
