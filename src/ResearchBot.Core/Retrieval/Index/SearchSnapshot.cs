using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using ResearchBot.Retrieval.Lexical;

namespace ResearchBot.Retrieval.Index;

/// <summary>
/// What search keeps in memory from one generation of the store: per-document lengths and dates, the
/// quantized vectors and every term's document frequency. Postings are read from the store on first use
/// and cached, so opening a large store costs a few table scans, not a re-index.
/// </summary>
public sealed class SearchSnapshot
{
    private readonly Func<SqliteConnection> _open;
    private readonly ConcurrentDictionary<string, TermPostings> _postings = new(StringComparer.Ordinal);

    private SearchSnapshot(Func<SqliteConnection> open) => _open = open;

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

    /// <summary>Inverse document frequency as in Lucene's BM25: ln(1 + (N - df + 0.5) / (df + 0.5)).</summary>
    public double Idf(int df) => Math.Log(1 + (Count - df + 0.5) / (df + 0.5));

    public double Idf(string term) => Idf(DocumentFrequency.GetValueOrDefault(term));

    /// <summary>The postings of a term (empty when unknown), cached after the first read.</summary>
    public TermPostings Postings(string term)
    {
        if (!DocumentFrequency.TryGetValue(term, out var df)) return new TermPostings(1);
        return _postings.GetOrAdd(term, t =>
        {
            using var c = _open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "SELECT postings FROM terms WHERE term = $t";
            cmd.Parameters.AddWithValue("$t", t);
            return cmd.ExecuteScalar() is byte[] blob ? KnownDocuments(TermPostings.Decode(blob, df)) : new TermPostings(1);
        });
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

    /// <summary>Reads a snapshot of the store behind <paramref name="open"/>.</summary>
    internal static SearchSnapshot Load(Func<SqliteConnection> open, double b)
    {
        using var c = open();
        // One read transaction: every table is read as of the same commit, whatever an ingest does meanwhile.
        using var tx = c.BeginTransaction(deferred: true);
        var generation = Convert.ToInt64(ScalarText(c, "SELECT COALESCE((SELECT value FROM meta WHERE key = 'generation'), '0')"));
        var capacity = Scalar(c, "SELECT COALESCE(MAX(doc), 0) + 1 FROM papers");
        var exists = new bool[capacity];
        var tl = new int[capacity]; var al = new int[capacity]; var day = new int[capacity];
        Array.Fill(day, int.MinValue);
        long tt = 0, at = 0; var n = 0;
        using (var cmd = c.CreateCommand())
        {
            cmd.CommandText = "SELECT doc, title_len, abstract_len, date FROM papers";
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                var d = r.GetInt32(0);
                exists[d] = true; tl[d] = r.GetInt32(1); al[d] = r.GetInt32(2);
                if (!r.IsDBNull(3)) day[d] = r.GetInt32(3);
                tt += tl[d]; at += al[d]; n++;
            }
        }
        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        using (var cmd = c.CreateCommand())
        {
            cmd.CommandText = "SELECT term, df FROM terms";
            using var r = cmd.ExecuteReader();
            while (r.Read()) df[r.GetString(0)] = r.GetInt32(1);
        }
        QuantizedVectors? vectors = null;
        using (var cmd = c.CreateCommand())
        {
            cmd.CommandText = "SELECT doc, vector FROM embeddings";
            using var r = cmd.ExecuteReader();
            float[] buffer = [];
            while (r.Read())
            {
                var d = r.GetInt32(0);
                var bytes = (byte[])r[1];
                var dims = Storage.VectorCodec.Dimensions(bytes.Length);
                if (buffer.Length != dims) buffer = new float[dims];
                Storage.VectorCodec.Decode(bytes, buffer);
                vectors ??= new QuantizedVectors(capacity, dims);
                if (d < capacity && dims == vectors.Dimensions) vectors.Set(d, buffer);
            }
        }
        var avgT = n == 0 ? 1 : Math.Max(1, (double)tt / n);
        var avgA = n == 0 ? 1 : Math.Max(1, (double)at / n);
        var tn = new float[capacity]; var an = new float[capacity];
        for (var d = 0; d < capacity; d++)
        {
            tn[d] = (float)(1 / (1 - b + b * tl[d] / avgT));
            an[d] = (float)(1 / (1 - b + b * al[d] / avgA));
        }
        return new SearchSnapshot(open)
        {
            TitleNorm = tn, AbstractNorm = an,
            Generation = generation, Count = n, Capacity = capacity, Exists = exists, TitleLength = tl, AbstractLength = al, DayNumber = day,
            AverageTitleLength = avgT, AverageAbstractLength = avgA,
            DocumentFrequency = df, Vectors = vectors,
        };
    }

    private static string ScalarText(SqliteConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToString(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) ?? "0";
    }

    private static int Scalar(SqliteConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt32(cmd.ExecuteScalar());
    }
}
