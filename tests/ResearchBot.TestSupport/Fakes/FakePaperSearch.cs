using ResearchBot.Text.Analysis;
using ResearchBot.Retrieval;

namespace ResearchBot.TestSupport.Fakes;

/// <summary>
/// A keyword <see cref="IPaperSearch"/> over a <see cref="FakePaperStore"/>: relevance is the share of the query's content
/// words found in a paper's title and abstract; the threshold is 0.5. Records every query.
/// </summary>
public sealed class FakePaperSearch(FakePaperStore store, double threshold = 0.5) : IPaperSearch
{
    private readonly List<SearchQuery> _queries = [];

    /// <summary>Every query received, in order.</summary>
    public IReadOnlyList<SearchQuery> Queries => _queries;

    public Task<SearchResults> SearchAsync(SearchQuery query, CancellationToken cancellationToken = default)
    {
        lock (_queries) _queries.Add(query);
        var terms = TextAnalyzer.Default.ContentTerms(query.Text).Distinct().ToList();
        var inRange = store.Papers.Where(p => FakePaperStore.InRange(p, query.From, query.To)).ToList();
        var hits = inRange
            .Select(p =>
            {
                var words = TextAnalyzer.Default.ContentTerms(p.Title + " " + p.Abstract).ToHashSet();
                var relevance = terms.Count == 0 ? 0 : terms.Count(words.Contains) / (double)terms.Count;
                return new SearchHit(p, relevance, relevance);
            })
            .Where(h => h.Relevance > 0)
            .OrderByDescending(h => h.Relevance).ThenBy(h => h.Paper.Id, StringComparer.Ordinal)
            .Take(query.Top)
            .ToList();
        return Task.FromResult(new SearchResults(query, hits, inRange.Count, threshold));
    }
}
