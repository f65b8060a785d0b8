using ResearchBot.Answering;
using ResearchBot.Papers;
using ResearchBot.Retrieval;

namespace ResearchBot.Discord.Bot.Components;

/// <summary>
/// The "More like this" button: each cited paper's title (the first <see cref="MaxSeeds"/>) is searched, the hits are fused
/// by reciprocal rank, and the best <see cref="Count"/> papers that are not already among the answer's sources are kept.
/// </summary>
public sealed class SimilarPapers(IPaperSearch search)
{
    public const int MaxSeeds = 3;
    public const int Count = 5;

    public async Task<IReadOnlyList<AnswerSource>> FindAsync(IReadOnlyList<AnswerSource> cited, IReadOnlyList<AnswerSource> allSources, CancellationToken cancellationToken)
    {
        var exclude = allSources.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var scores = new Dictionary<string, (double Score, Paper Paper)>(StringComparer.Ordinal);
        foreach (var seed in cited.Take(MaxSeeds))
        {
            var results = await search.SearchAsync(new SearchQuery(seed.Title, Count + allSources.Count), cancellationToken);
            var rank = 0;
            foreach (var hit in results.Relevant)
            {
                rank++;
                if (exclude.Contains(hit.Paper.Id)) continue;
                var previous = scores.GetValueOrDefault(hit.Paper.Id, (0, hit.Paper)).Score;
                scores[hit.Paper.Id] = (previous + 1.0 / (60 + rank), hit.Paper);
            }
        }
        return scores.Values.OrderByDescending(v => v.Score).Take(Count)
            .Select((v, i) => new AnswerSource(i + 1, v.Paper.Id, v.Paper.Title, PaperLinks.Url(v.Paper), v.Paper.Date)).ToList();
    }
}
