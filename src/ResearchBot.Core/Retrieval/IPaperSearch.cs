using ResearchBot.Papers;

namespace ResearchBot.Retrieval;

/// <summary>Finds the papers relevant to a question (hybrid BM25 + vectors, fused).</summary>
public interface IPaperSearch
{
    Task<SearchResults> SearchAsync(SearchQuery query, CancellationToken cancellationToken = default);
}

/// <summary>A search: text, how many hits, and an optional date range on <see cref="Paper.Date"/> (inclusive).</summary>
public sealed record SearchQuery(string Text, int Top = 10, DateOnly? From = null, DateOnly? To = null);

/// <summary>One result.</summary>
/// <param name="Score">The fused ranking score (only comparable within one search).</param>
/// <param name="Relevance">A calibrated 0..1 relevance: below <see cref="SearchResults.RelevanceThreshold"/> means "not really about this".</param>
public sealed record SearchHit(Paper Paper, double Score, double Relevance);

/// <summary>The hits of a search, best first, and the size of the range searched.</summary>
public sealed record SearchResults(SearchQuery Query, IReadOnlyList<SearchHit> Hits, int PapersInRange, double RelevanceThreshold)
{
    /// <summary>The hits relevant enough to answer from.</summary>
    public IEnumerable<SearchHit> Relevant => Hits.Where(h => h.Relevance >= RelevanceThreshold);
}
