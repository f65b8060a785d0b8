using ResearchBot.Papers;

namespace ResearchBot.Cli.Evaluation;

/// <summary>
/// Ranking quality of one question, the way <c>shared/eval/score.py</c> computes it: titles compared by
/// <see cref="TitleKey.Of"/>, a repeated title counts once at its first position, binary-relevance nDCG.
/// </summary>
internal sealed record RankingMetrics(int? FirstRelevantRank, double RecallAt5, double RecallAt10, double ReciprocalRankAt10, double NdcgAt10)
{
    /// <param name="ranked">Result titles, best first.</param>
    /// <param name="relevant">The titles that answer the question.</param>
    public static RankingMetrics Of(IReadOnlyList<string> ranked, IReadOnlyCollection<string> relevant)
    {
        var gold = relevant.Select(TitleKey.Of).ToHashSet(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var ranks = new List<int>();
        for (var i = 0; i < ranked.Count; i++)
        {
            var key = TitleKey.Of(ranked[i]);
            if (seen.Add(key) && gold.Contains(key)) ranks.Add(i + 1);
        }
        int? first = ranks.Count > 0 ? ranks[0] : null;
        var dcg = ranks.Where(r => r <= 10).Sum(r => 1 / Math.Log2(r + 1));
        var ideal = Enumerable.Range(1, Math.Min(gold.Count, 10)).Sum(r => 1 / Math.Log2(r + 1));
        return new RankingMetrics(
            first,
            first <= 5 ? 1 : 0,
            first <= 10 ? 1 : 0,
            first <= 10 ? 1.0 / first.Value : 0,
            ideal > 0 ? dcg / ideal : 0);
    }
}
