using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.VectorData;
using ResearchBot.Retrieval.Index;
using ResearchBot.Text.Analysis;
using ResearchBot.Storage;

namespace ResearchBot.Retrieval;

/// <summary>
/// <see cref="IPaperSearch"/> over any VectorData collection of <see cref="PaperRecord"/>: keyword-hybrid search
/// when the collection offers it (ours does), vector search otherwise; date ranges become record filters.
/// </summary>
public sealed class HybridPaperSearch(
    VectorStoreCollection<string, PaperRecord> collection,
    IPaperStore store,
    IEmbeddingGenerator<string, Embedding<float>> embedder,
    IOptions<RetrievalOptions> options) : IPaperSearch
{
    public async Task<SearchResults> SearchAsync(SearchQuery query, CancellationToken cancellationToken = default)
    {
        var top = Math.Clamp(query.Top, 1, 100);
        var inRange = store.CountAsync(query.From, query.To, cancellationToken);
        var hits = new List<SearchHit>(top);
        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            var vector = await embedder.GenerateVectorAsync(query.Text, cancellationToken: cancellationToken);
            var filter = DateFilter(query.From, query.To);
            var results = collection.GetService(typeof(IKeywordHybridSearchable<PaperRecord>)) is IKeywordHybridSearchable<PaperRecord> hybrid
                ? hybrid.HybridSearchAsync(vector, Keywords(query.Text), top, new HybridSearchOptions<PaperRecord> { Filter = filter }, cancellationToken)
                : collection.SearchAsync(vector, top, new VectorSearchOptions<PaperRecord> { Filter = filter }, cancellationToken);
            await foreach (var r in results)
                hits.Add(new SearchHit(r.Record.Paper ?? r.Record.ToPaper(), r.Score ?? 0, Relevance(r)));
        }
        return new SearchResults(query, hits, await inRange, options.Value.RelevanceThreshold);
    }

    /// <summary>
    /// The result's calibrated 0..1 relevance: our collection sets <see cref="PaperRecord.Relevance"/> (its score is the fused
    /// ranking score); another connector's score is its similarity, taken as the relevance.
    /// </summary>
    private static double Relevance(VectorSearchResult<PaperRecord> r) => Math.Clamp(r.Record.Relevance ?? r.Score ?? 0, 0, 1);

    /// <summary>
    /// The question's words in order, stop words dropped (what a keyword index is given). They keep their case, a sentence's
    /// capitalised first word lowercased, so the index can tell a name ("AlphaFold") from a misspelt word.
    /// </summary>
    private static List<string> Keywords(string text) =>
        [.. TypoPolicy.Words(text).Where(w => !TextAnalyzer.StopWords.Contains(w.ToLowerInvariant()))];

    private static System.Linq.Expressions.Expression<Func<PaperRecord, bool>>? DateFilter(DateOnly? from, DateOnly? to) => (from, to) switch
    {
        (null, null) => null,
        ({ } f, null) => r => r.Date >= f,
        (null, { } t) => r => r.Date <= t,
        ({ } f, { } t) => r => r.Date >= f && r.Date <= t,
    };
}
