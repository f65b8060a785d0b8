using ResearchBot.BotState;
using ResearchBot.Retrieval;
using ResearchBot.Text.Analysis;

namespace ResearchBot.Discord.Bot.Feedback;

/// <summary>
/// How a server's 👎 lowers papers there. A stored vote counts for a new question when the two questions are similar: the
/// Jaccard overlap of their content-word stems is at least <see cref="SimilarQuestion"/>. A paper is penalized for the new
/// question when, among those similar votes, answers citing it got at least <see cref="MinDownVotes"/> 👎 and more 👎 than 👍.
/// A penalized paper moves below every other hit (the others keep their order); nothing else changes.
/// </summary>
public static class FeedbackReranker
{
    /// <summary>Least question similarity (0..1) for a vote to count.</summary>
    public const double SimilarQuestion = 0.5;

    /// <summary>Least number of 👎 (message, user pairs) before a paper ranks lower.</summary>
    public const int MinDownVotes = 2;

    /// <summary>The papers to rank lower for <paramref name="question"/>.</summary>
    public static IReadOnlySet<string> Penalized(string question, IEnumerable<FeedbackEntry> votes)
    {
        var stems = StemsOf(question);
        var down = new Dictionary<string, int>(StringComparer.Ordinal);
        var up = new Dictionary<string, int>(StringComparer.Ordinal);
        if (stems.Count == 0) return new HashSet<string>();
        foreach (var vote in votes)
        {
            if (Similarity(stems, StemsOf(vote.Question)) < SimilarQuestion) continue;
            var tally = vote.Vote == FeedbackVote.Down ? down : up;
            foreach (var paper in vote.PaperIds.Distinct(StringComparer.Ordinal)) tally[paper] = tally.GetValueOrDefault(paper) + 1;
        }
        return down.Where(d => d.Value >= MinDownVotes && d.Value > up.GetValueOrDefault(d.Key)).Select(d => d.Key).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The hits with the penalized papers moved after all others, each group in its original order.</summary>
    public static IReadOnlyList<SearchHit> Demote(IReadOnlyList<SearchHit> hits, IReadOnlySet<string> penalized) =>
        penalized.Count == 0 ? hits : [.. hits.Where(h => !penalized.Contains(h.Paper.Id)), .. hits.Where(h => penalized.Contains(h.Paper.Id))];

    /// <summary>Jaccard overlap of the content-word stems of two questions (0..1).</summary>
    public static double Similarity(string a, string b) => Similarity(StemsOf(a), StemsOf(b));

    private static double Similarity(HashSet<string> a, HashSet<string> b)
    {
        if (a.Count == 0 || b.Count == 0) return 0;
        var shared = a.Count(b.Contains);
        return shared / (double)(a.Count + b.Count - shared);
    }

    private static HashSet<string> StemsOf(string text) => TextAnalyzer.Default.ContentTerms(text).ToHashSet(StringComparer.Ordinal);
}
