using ResearchBot.Text.Analysis;
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
                // Questions read related words; the table loads on the other core while the index does.
                if (_snapshot is null) RelatedWords.LoadInBackground();
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
        s.Preload(query.Weighted.Select(w => w.Term));
        foreach (var (term, weight) in query.Weighted)
        {
            var p = s.Postings(term);
            if (p.Count == 0) continue;
            var entry = (p, (float)(s.Idf(p.Count) * weight));
            (p.Count > s.Count * options.CommonTermFraction ? common : rare).Add(entry);
        }
        if (rare.Count == 0) (rare, common) = (common, rare);

        if (queryVector is not null && s.Vectors is not null && _embeddingMismatch is { } mismatch) throw mismatch;
        var vectorQuery = queryVector is { } qv && s.Vectors is { } vectors && vectors.Dimensions == qv.Length && options.VectorWeight > 0
            ? vectors.Prepare(qv.Span) : null;

        var scratch = RentScratch(s.Capacity);
        try
        {
            var lexical = scratch.Lexical;
            foreach (var (p, idf) in rare) Accumulate(s, p, idf, lexical);
            var max = MaxInRange(s, rare, range, lexical);

            var cosine = vectorQuery is null ? null : scratch.Cosine;
            var pool = Pool(s, range, lexical, max, vectorQuery, scratch.Cosine, Math.Max(options.Candidates * 10, 500));
            if (common.Count > 0) AddCommon(s, pool, common, lexical);
            var candidates = Fuse(pool, lexical, cosine, Math.Max(top, options.Candidates));
            return Rerank(s, query, candidates, cosine, top);
        }
        finally
        {
            ReturnScratch(scratch);
        }
    }

    /// <summary>Corpus-sized arrays a query scores into, kept for the next query instead of allocated each time.</summary>
    private sealed class Scratch(int capacity)
    {
        public readonly float[] Lexical = new float[capacity];
        public readonly float[] Cosine = new float[capacity];
    }

    private readonly System.Collections.Concurrent.ConcurrentBag<Scratch> _scratch = [];

    private Scratch RentScratch(int capacity)
    {
        while (_scratch.TryTake(out var s))
            if (s.Lexical.Length == capacity) return s;
        return new Scratch(capacity);
    }

    /// <summary>Clears the lexical scores (cosines are only read where this query wrote them) and keeps the arrays unless the corpus has grown past them.</summary>
    private void ReturnScratch(Scratch scratch)
    {
        Array.Clear(scratch.Lexical);
        if (_scratch.Count < Environment.ProcessorCount) _scratch.Add(scratch);
    }

    /// <summary>Adds one term's BM25F contribution to every document in its postings.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private void Accumulate(SearchSnapshot s, TermPostings p, float idf, float[] lexical)
    {
        var docs = p.Docs; var titles = p.TitleTf; var abstracts = p.AbstractTf;
        var titleNorm = s.TitleNorm; var abstractNorm = s.AbstractNorm;
        var tw = (float)options.TitleWeight;
        var k1 = (float)options.K1;
        for (var i = 0; i < p.Count; i++)
        {
            var d = docs[i];
            var tf = tw * titles[i] * titleNorm[d] + abstracts[i] * abstractNorm[d];
            lexical[d] += idf * tf * (k1 + 1) / (k1 + tf);
        }
    }

    /// <summary>The largest lexical score of an existing document in range (only documents in the postings can have one).</summary>
    private static float MaxInRange(SearchSnapshot s, List<(TermPostings Postings, float Idf)> terms, DayRange range, float[] lexical)
    {
        var max = 0f;
        foreach (var (p, _) in terms)
            for (var i = 0; i < p.Count; i++)
            {
                var d = p.Docs[i];
                if (lexical[d] > max && s.Exists[d] && range.Contains(s.DayNumber[d])) max = lexical[d];
            }
        return max;
    }

    /// <summary>
    /// Adds the common terms' BM25F to the pool's documents: the pool in document order walks each long postings list once,
    /// galloping ahead (the pool is a few hundred documents, the list a quarter of the store or more).
    /// </summary>
    private void AddCommon(SearchSnapshot s, List<int> pool, List<(TermPostings Postings, float Idf)> common, float[] lexical)
    {
        var docs = pool.ToArray();
        Array.Sort(docs);
        foreach (var (p, idf) in common)
        {
            var at = 0;
            foreach (var d in docs)
            {
                at = Gallop(p.Docs, at, p.Count, d);
                if (at >= p.Count) break;
                if (p.Docs[at] == d) lexical[d] += Bm25(s, p, at, idf);
            }
        }
    }

    /// <summary>The first index from <paramref name="from"/> on whose document is at least <paramref name="doc"/> (<paramref name="count"/> when none is).</summary>
    internal static int Gallop(int[] docs, int from, int count, int doc)
    {
        if (from >= count || docs[from] >= doc) return from;
        var step = 1;
        var lo = from;
        var hi = from + 1;
        while (hi < count && docs[hi] < doc)
        {
            lo = hi;
            step <<= 1;
            hi = from + step;
        }
        if (hi > count) hi = count;
        // docs[lo] < doc, and docs[hi] >= doc or hi == count.
        var i = Array.BinarySearch(docs, lo + 1, hi - lo - 1, doc);
        return i >= 0 ? i : ~i;
    }

    private float Bm25(SearchSnapshot s, TermPostings p, int i, float idf)
    {
        var d = p.Docs[i];
        var tf = (float)options.TitleWeight * p.TitleTf[i] * s.TitleNorm[d] + p.AbstractTf[i] * s.AbstractNorm[d];
        var k1 = (float)options.K1;
        return idf * tf * (k1 + 1) / (k1 + tf);
    }

    /// <summary>
    /// The <paramref name="count"/> documents in range with the best positive fused score (max-normalized BM25 plus weighted
    /// cosine). With vectors, a first pass estimates every document's cosine from the binary codes and keeps the best
    /// <see cref="Shortlist"/> by estimated fused score; only those are scored with the byte vectors (into
    /// <paramref name="cosine"/>) and ranked by their exact fused score.
    /// </summary>
    private List<int> Pool(SearchSnapshot s, DayRange range, float[] lexical, float max, QuantizedVectors.VectorQuery? vectors, float[] cosine, int count)
    {
        var norm = max > 0 ? 1f / max : 0f;
        var vw = (float)options.VectorWeight;
        var shortlist = vectors is null
            ? Best(s, range, count, lexical, norm, null, 0, cosine)
            : Best(s, range, Shortlist(count), lexical, norm, vectors, vw, cosine);
        if (vectors is null) return shortlist;
        foreach (var d in shortlist) cosine[d] = vectors.Score(d);
        var exact = new float[shortlist.Count];
        for (var i = 0; i < exact.Length; i++)
        {
            var d = shortlist[i];
            exact[i] = lexical[d] * norm + vw * cosine[d];
        }
        // The best by exact fused score, in no particular order (Fuse orders them); only positive scores count.
        var best = TopScores.Select(exact, count, 0f);
        for (var i = 0; i < best.Count; i++) best[i] = shortlist[best[i]];
        return best;
    }

    /// <summary>How many documents the binary-code pass keeps for exact scoring when <paramref name="count"/> are wanted.</summary>
    internal static int Shortlist(int count) => Math.Max(count * 4, 2000);

    /// <summary>
    /// The <paramref name="count"/> existing documents in range with the highest normalized BM25 plus, with
    /// <paramref name="vectors"/>, weighted estimated cosine; without vectors only documents with a positive score. In no
    /// particular order. Every document's score is written into <paramref name="estimates"/> (a reused scratch array;
    /// documents out of range or deleted get negative infinity) and <see cref="TopScores"/> picks the best.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static List<int> Best(SearchSnapshot s, DayRange range, int count, float[] lexical, float norm, QuantizedVectors.VectorQuery? vectors, float vw, float[] estimates)
    {
        var exists = s.Exists;
        var days = s.DayNumber;
        var open = range.IsOpen;
        var capacity = Math.Min(s.Capacity, Math.Min(exists.Length, lexical.Length));
        var scores = estimates.AsSpan(0, capacity);
        if (vectors is not null) vectors.EstimateAll(scores, vw);
        else scores.Clear();
        for (var d = 0; d < capacity; d++)
            scores[d] = exists[d] && (open || range.Contains(days[d])) ? scores[d] + lexical[d] * norm : float.NegativeInfinity;
        // Without vectors only documents with a positive (lexical) score count.
        return TopScores.Select(scores, count, vectors is null ? 0f : float.NegativeInfinity);
    }

    private Dictionary<int, float> Fuse(List<int> pool, float[] lexical, float[]? cosine, int count)
    {
        var max = 0f;
        foreach (var d in pool) max = Math.Max(max, lexical[d]);
        var norm = max > 0 ? 1f / max : 0f;
        var vw = (float)options.VectorWeight;
        var fused = new List<(int Doc, float Score)>(pool.Count);
        foreach (var d in pool)
        {
            var score = lexical[d] * norm + (cosine is null ? 0 : vw * cosine[d]);
            if (score > 0) fused.Add((d, score));
        }
        if (fused.Count > count)
        {
            var scores = fused.Select(f => f.Score).ToArray();
            fused = [.. TopScores.Select(scores, count, float.NegativeInfinity).Select(i => fused[i])];
        }
        fused.Sort((a, b) => b.Score.CompareTo(a.Score));
        var result = new Dictionary<int, float>(Math.Min(count, fused.Count));
        for (var i = 0; i < fused.Count && i < count; i++) result[fused[i].Doc] = fused[i].Score;
        return result;
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
