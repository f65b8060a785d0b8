using System.Collections.Concurrent;
using ResearchBot.Retrieval.Lexical;

namespace ResearchBot.Retrieval.Index;

/// <summary>
/// What search keeps in memory from one generation of the store: per-document lengths and dates, the
/// quantized vectors and every term's document frequency. Postings are read from the store (through <see cref="ISearchIndexSource"/>) on first use
/// and cached, so opening a large store costs a few table scans, not a re-index.
/// </summary>
public sealed class SearchSnapshot
{
    private readonly ISearchIndexSource _source;
    private readonly ConcurrentDictionary<string, TermPostings> _postings = new(StringComparer.Ordinal);

    private SearchSnapshot(ISearchIndexSource source)
    {
        _source = source;
        _typos = new Lazy<TypoCorrector>(() => new TypoCorrector(DocumentFrequency));
    }

    private readonly Lazy<TypoCorrector> _typos;

    /// <summary>Corrections of words the index does not know, over this snapshot's vocabulary (bucketed on first use).</summary>
    internal TypoCorrector Typos => _typos.Value;

    public long Generation { get; private init; }

    /// <summary>Number of papers.</summary>
    public int Count { get; private init; }

    /// <summary>One more than the largest document number.</summary>
    public int Capacity { get; private init; }

    public bool[] Exists { get; private init; } = [];
    public int[] TitleLength { get; private init; } = [];
    public int[] AbstractLength { get; private init; } = [];

    /// <summary>Per document its <see cref="Papers.Paper.Date"/> as a day number, or <see cref="int.MinValue"/> when unknown.</summary>
    public int[] DayNumber { get; private init; } = [];

    /// <summary>Per document the BM25 length normalization of its title, 1 / (1 - b + b·len/avg).</summary>
    public float[] TitleNorm { get; private init; } = [];

    /// <summary>Per document the BM25 length normalization of its abstract.</summary>
    public float[] AbstractNorm { get; private init; } = [];

    public double AverageTitleLength { get; private init; }
    public double AverageAbstractLength { get; private init; }
    public IReadOnlyDictionary<string, int> DocumentFrequency { get; private init; } = new Dictionary<string, int>();
    public QuantizedVectors? Vectors { get; private init; }

    /// <summary>The embedder the stored vectors were made with, when recorded.</summary>
    public StoredEmbedder? Embedder { get; private init; }

    /// <summary>Title and abstract of documents (read from the store, for re-ranking).</summary>
    public IReadOnlyDictionary<int, DocumentText> Texts(IReadOnlyCollection<int> docs) => _source.ReadTexts(docs);

    /// <summary>Inverse document frequency as in Lucene's BM25: ln(1 + (N - df + 0.5) / (df + 0.5)).</summary>
    public double Idf(int df) => Math.Log(1 + (Count - df + 0.5) / (df + 0.5));

    public double Idf(string term) => Idf(DocumentFrequency.GetValueOrDefault(term));

    /// <summary>The postings of a term (empty when unknown), cached after the first read.</summary>
    public TermPostings Postings(string term)
    {
        if (!DocumentFrequency.TryGetValue(term, out var df)) return new TermPostings(1);
        return _postings.GetOrAdd(term, t => _source.ReadPostings(t, df) is { } p ? KnownDocuments(p) : new TermPostings(1));
    }

    /// <summary>
    /// Reads the postings of the given terms that are not cached yet, several at once (each read and decode is independent,
    /// so a fresh process's first questions use every core rather than one).
    /// </summary>
    public void Preload(IEnumerable<string> terms)
    {
        var missing = terms.Where(t => DocumentFrequency.ContainsKey(t) && !_postings.ContainsKey(t)).Distinct(StringComparer.Ordinal).ToList();
        if (missing.Count < 2)
        {
            foreach (var t in missing) Postings(t);
            return;
        }
        Parallel.ForEach(missing, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, t => Postings(t));
    }

    /// <summary>Postings are read from the live store, which may have moved on since this snapshot: keep only its documents.</summary>
    private TermPostings KnownDocuments(TermPostings p)
    {
        var all = true;
        for (var i = 0; i < p.Count && all; i++) all = p.Docs[i] < Capacity && Exists[p.Docs[i]];
        if (all) return p;
        var kept = new TermPostings(p.Count);
        for (var i = 0; i < p.Count; i++)
            if (p.Docs[i] < Capacity && Exists[p.Docs[i]]) kept.Append(p.Docs[i], p.TitleTf[i], p.AbstractTf[i]);
        return kept;
    }

    /// <summary>Reads a snapshot of the store behind <paramref name="source"/>.</summary>
    internal static SearchSnapshot Load(ISearchIndexSource source, double b)
    {
        var c = source.ReadContents();
        var capacity = c.Capacity;
        long tt = 0, at = 0; var n = 0;
        for (var d = 0; d < capacity; d++)
        {
            if (!c.Exists[d]) continue;
            tt += c.TitleLength[d]; at += c.AbstractLength[d]; n++;
        }
        var avgT = n == 0 ? 1 : Math.Max(1, (double)tt / n);
        var avgA = n == 0 ? 1 : Math.Max(1, (double)at / n);
        var tn = new float[capacity]; var an = new float[capacity];
        for (var d = 0; d < capacity; d++)
        {
            tn[d] = (float)(1 / (1 - b + b * c.TitleLength[d] / avgT));
            an[d] = (float)(1 / (1 - b + b * c.AbstractLength[d] / avgA));
        }
        return new SearchSnapshot(source)
        {
            TitleNorm = tn, AbstractNorm = an,
            Generation = c.Generation, Count = n, Capacity = capacity, Exists = c.Exists, TitleLength = c.TitleLength, AbstractLength = c.AbstractLength,
            DayNumber = c.DayNumber, AverageTitleLength = avgT, AverageAbstractLength = avgA,
            DocumentFrequency = c.DocumentFrequency, Vectors = c.Vectors, Embedder = c.Embedder,
        };
    }
}
