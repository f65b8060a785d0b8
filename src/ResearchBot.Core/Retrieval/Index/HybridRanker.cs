using ResearchBot.Embeddings;
using ResearchBot.Retrieval.Lexical;

namespace ResearchBot.Retrieval.Index;

/// <summary>
/// Ranks papers for a query: BM25F over title and abstract (query words unknown to the index matched to
/// known words one or two edits away), fused with vector cosine similarity, then the best candidates re-ranked
/// by proximity (query words that stand together in the question standing together in the paper), near
/// duplicates suppressed. Each result carries a 0..1 relevance for "nothing relevant found" decisions.
/// </summary>
public sealed class HybridRanker(ISearchIndexSource source, EmbedderIdentity embedder, RetrievalOptions options)
{
    private readonly Lock _gate = new();
    private SearchSnapshot? _snapshot;
    private EmbeddingMismatchException? _embeddingMismatch;

    /// <summary>Stored vectors from another embedder than the configured one (same dimensions or not) must not be compared with its queries.</summary>
    private EmbeddingMismatchException? EmbeddingMismatch(StoredEmbedder? stored) =>
        stored is null || embedder.Made(stored.Model, stored.Dimensions) ? null
        : new EmbeddingMismatchException(stored.Model, stored.Dimensions, embedder.Model, embedder.Dimensions ?? 0);

    /// <summary>The current snapshot, reloaded when the store has changed since it was read.</summary>
    public SearchSnapshot Snapshot()
    {
        var generation = source.CurrentGeneration();
        lock (_gate)
        {
            if (_snapshot is null || generation > _snapshot.Generation)
            {
                _snapshot = SearchSnapshot.Load(source, options.B);
                _embeddingMismatch = EmbeddingMismatch(_snapshot.Embedder);
            }
            return _snapshot;
        }
    }

    /// <summary>The best <paramref name="top"/> documents for the query, best first.</summary>
    /// <param name="keywords">The query text (analyzed as a question).</param>
    /// <param name="queryVector">The query's embedding, or null for keywords only.</param>
    /// <param name="range">Inclusive day-number range on the papers' dates.</param>
    public IReadOnlyList<RankedDocument> Rank(string keywords, ReadOnlyMemory<float>? queryVector, DayRange range, int top)
    {
        var s = Snapshot();
        if (s.Count == 0 || top <= 0) return [];
        var query = QueryTerms.Parse(keywords, s, options);

        // Informative terms are scored over their whole postings; terms in most papers (tiny IDF, long postings)
        // only for the candidates that survive the first pass, which is where they can still change the order.
        var rare = new List<(TermPostings Postings, float Idf)>();
        var common = new List<(TermPostings Postings, float Idf)>();
        foreach (var (term, weight) in query.Weighted)
        {
            var p = s.Postings(term);
            if (p.Count == 0) continue;
            var entry = (p, (float)(s.Idf(p.Count) * weight));
            (p.Count > s.Count * options.CommonTermFraction ? common : rare).Add(entry);
        }
        if (rare.Count == 0) (rare, common) = (common, rare);
        var lexical = new float[s.Capacity];
        foreach (var (p, idf) in rare)
            for (var i = 0; i < p.Count; i++) lexical[p.Docs[i]] += Bm25(s, p, i, idf);

        float[]? cosine = null;
        if (queryVector is not null && s.Vectors is not null && _embeddingMismatch is { } mismatch) throw mismatch;
        if (queryVector is { } qv && s.Vectors is { } vectors && vectors.Dimensions == qv.Length && options.VectorWeight > 0)
        {
            cosine = new float[s.Capacity];
            vectors.DotAll(qv.Span, cosine);
        }

        var pool = Top(s, range, lexical, cosine, Math.Max(options.Candidates * 10, 500));
        if (common.Count > 0)
            foreach (var d in pool)
                foreach (var (p, idf) in common)
                {
                    var i = Array.BinarySearch(p.Docs, 0, p.Count, d);
                    if (i >= 0) lexical[d] += Bm25(s, p, i, idf);
                }
        var candidates = Fuse(pool, lexical, cosine, Math.Max(top, options.Candidates));
        return Rerank(s, query, candidates, cosine, top);
    }

    private float Bm25(SearchSnapshot s, TermPostings p, int i, float idf)
    {
        var d = p.Docs[i];
        var tf = (float)options.TitleWeight * p.TitleTf[i] * s.TitleNorm[d] + p.AbstractTf[i] * s.AbstractNorm[d];
        var k1 = (float)options.K1;
        return idf * tf * (k1 + 1) / (k1 + tf);
    }

    /// <summary>The <paramref name="count"/> documents in range with the best positive fused score.</summary>
    private List<int> Top(SearchSnapshot s, DayRange range, float[] lexical, float[]? cosine, int count)
    {
        var max = 0f;
        for (var d = 0; d < s.Capacity; d++)
            if (lexical[d] > max && s.Exists[d] && range.Contains(s.DayNumber[d])) max = lexical[d];
        var norm = max > 0 ? 1f / max : 0f;
        var vw = (float)options.VectorWeight;
        var heap = new PriorityQueue<int, float>(count + 1);
        for (var d = 0; d < s.Capacity; d++)
        {
            if (!s.Exists[d] || !range.Contains(s.DayNumber[d])) continue;
            var score = lexical[d] * norm + (cosine is null ? 0 : vw * cosine[d]);
            if (score <= 0) continue;
            if (heap.Count < count) heap.Enqueue(d, score);
            else if (heap.TryPeek(out _, out var min) && score > min) heap.DequeueEnqueue(d, score);
        }
        var docs = new List<int>(heap.Count);
        while (heap.TryDequeue(out var d, out _)) docs.Add(d);
        return docs;
    }

    private Dictionary<int, float> Fuse(List<int> pool, float[] lexical, float[]? cosine, int count)
    {
        var max = pool.Count == 0 ? 0 : pool.Max(d => lexical[d]);
        var norm = max > 0 ? 1f / max : 0f;
        var vw = (float)options.VectorWeight;
        return pool
            .Select(d => (Doc: d, Score: lexical[d] * norm + (cosine is null ? 0 : vw * cosine[d])))
            .Where(x => x.Score > 0)
            .OrderByDescending(x => x.Score)
            .Take(count)
            .ToDictionary(x => x.Doc, x => x.Score);
    }

    private List<RankedDocument> Rerank(SearchSnapshot s, QueryTerms query, Dictionary<int, float> fused, float[]? cosine, int top)
    {
        var texts = s.Texts(fused.Keys);
        var ranked = new List<RankedDocument>(fused.Count);
        foreach (var (doc, score) in fused)
        {
            if (!texts.TryGetValue(doc, out var text)) continue;
            var match = query.Match(text.Title, text.Abstract);
            var proximity = match.Proximity(options.ProximityWindow);
            var cos = cosine is null ? 0 : Math.Max(0, cosine[doc]);
            ranked.Add(new RankedDocument(doc, text.Title, score + options.ProximityWeight * proximity, RelevanceModel.Relevance(match, cos, proximity)));
        }
        ranked.Sort((a, b) => b.Score.CompareTo(a.Score));
        return NearDuplicates.Suppress(ranked, options.NearDuplicateSimilarity, top);
    }
}

/// <summary>One ranked paper: its document number, title, fused score and 0..1 relevance.</summary>
public sealed record RankedDocument(int Doc, string Title, double Score, double Relevance);

/// <summary>An inclusive range of day numbers; null bounds are open. Papers without a date only match an open range.</summary>
public readonly record struct DayRange(int? From, int? To)
{
    public static DayRange All => default;

    public static DayRange Of(DateOnly? from, DateOnly? to) => new(from?.DayNumber, to?.DayNumber);

    public bool IsOpen => From is null && To is null;

    public bool Contains(int day) => IsOpen || (day != int.MinValue && (From is null || day >= From) && (To is null || day <= To));
}
