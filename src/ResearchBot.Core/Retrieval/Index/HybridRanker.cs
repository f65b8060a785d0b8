using ResearchBot.Retrieval.Text;
using ResearchBot.Storage;

namespace ResearchBot.Retrieval.Index;

/// <summary>
/// Ranks papers for a query: BM25F over title and abstract (query words unknown to the index matched to
/// known words one or two edits away), fused with vector cosine similarity, then the best candidates re-ranked
/// by proximity (query words that stand together in the question standing together in the paper), near
/// duplicates suppressed. Each result carries a 0..1 relevance for "nothing relevant found" decisions.
/// </summary>
public sealed class HybridRanker(SqlitePaperStore store, RetrievalOptions options)
{
    private readonly Lock _gate = new();
    private SearchSnapshot? _snapshot;

    /// <summary>The current snapshot, reloaded when the store has changed since it was read.</summary>
    public SearchSnapshot Snapshot()
    {
        var generation = store.Generation();
        lock (_gate)
        {
            if (_snapshot is null || _snapshot.Generation != generation)
                _snapshot = SearchSnapshot.Load(store.Connections.Open, generation);
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

        var lexical = new float[s.Capacity];
        var k1 = (float)options.K1;
        foreach (var (term, weight) in query.Weighted)
        {
            var p = s.Postings(term);
            var idf = (float)(s.Idf(p.Count) * weight);
            for (var i = 0; i < p.Count; i++)
            {
                var d = p.Docs[i];
                var tf = 0.0;
                if (p.TitleTf[i] > 0) tf += options.TitleWeight * p.TitleTf[i] / (1 - options.B + options.B * s.TitleLength[d] / s.AverageTitleLength);
                if (p.AbstractTf[i] > 0) tf += p.AbstractTf[i] / (1 - options.B + options.B * s.AbstractLength[d] / s.AverageAbstractLength);
                var t = (float)tf;
                lexical[d] += idf * t * (k1 + 1) / (k1 + t);
            }
        }

        float[]? cosine = null;
        if (queryVector is { } qv && s.Vectors is { } vectors && vectors.Dimensions == qv.Length && options.VectorWeight > 0)
        {
            cosine = new float[s.Capacity];
            vectors.DotAll(qv.Span, cosine);
        }

        var maxLexical = 0f;
        for (var d = 0; d < s.Capacity; d++)
            if (lexical[d] > maxLexical && s.Exists[d] && range.Contains(s.DayNumber[d])) maxLexical = lexical[d];
        var norm = maxLexical > 0 ? 1f / maxLexical : 0f;
        var vw = (float)options.VectorWeight;
        var heap = new PriorityQueue<int, float>();
        var candidates = Math.Max(top, options.Candidates);
        for (var d = 0; d < s.Capacity; d++)
        {
            if (!s.Exists[d] || !range.Contains(s.DayNumber[d])) continue;
            var score = lexical[d] * norm + (cosine is null ? 0 : vw * cosine[d]);
            if (score <= 0) continue;
            if (heap.Count < candidates) heap.Enqueue(d, score);
            else if (heap.TryPeek(out _, out var min) && score > min) heap.DequeueEnqueue(d, score);
        }
        var fused = new Dictionary<int, float>(heap.Count);
        while (heap.TryDequeue(out var d, out var score)) fused[d] = score;
        return Rerank(s, query, fused, cosine, top);
    }

    private List<RankedDocument> Rerank(SearchSnapshot s, QueryTerms query, Dictionary<int, float> fused, float[]? cosine, int top)
    {
        var texts = store.GetTexts(fused.Keys);
        var ranked = new List<RankedDocument>(fused.Count);
        foreach (var (doc, score) in fused)
        {
            if (!texts.TryGetValue(doc, out var text)) continue;
            var terms = TextAnalyzer.Default.Analyze(text.Title);
            terms.Add("\0");
            TextAnalyzer.Default.Analyze(text.Abstract, terms);
            var proximity = query.Proximity(terms, options.ProximityWindow);
            var coverage = query.Coverage(terms);
            var cos = cosine is null ? 0 : Math.Max(0, cosine[doc]);
            var relevance = Math.Clamp(0.65 * coverage + 0.35 * cos + 0.15 * proximity, 0, 1);
            ranked.Add(new RankedDocument(doc, text.Title, score + options.ProximityWeight * proximity, relevance));
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
