using Microsoft.Data.Sqlite;
using ResearchBot.Retrieval.Index;
using ResearchBot.Retrieval.Lexical;

namespace ResearchBot.Storage;

/// <summary>Search's view of a SQLite store: the generation counter, per-document statistics, postings, vectors and texts.</summary>
public sealed class SqliteSearchIndexSource(SqliteConnectionFactory connections) : ISearchIndexSource
{
    public long CurrentGeneration()
    {
        using var c = connections.Read();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT value FROM meta WHERE key = 'generation'";
        return cmd.ExecuteScalar() is string s ? long.Parse(s) : 0;
    }

    public SearchIndexContents ReadContents()
    {
        using var c = connections.Open();
        // One read transaction: every table is read as of the same commit, whatever an ingest does meanwhile.
        using var tx = c.BeginTransaction(deferred: true);
        var generation = Convert.ToInt64(Scalar(c, "SELECT COALESCE((SELECT value FROM meta WHERE key = 'generation'), '0')"));
        var capacity = Convert.ToInt32(Scalar(c, "SELECT COALESCE(MAX(doc), 0) + 1 FROM papers"));
        var exists = new bool[capacity];
        var tl = new int[capacity]; var al = new int[capacity]; var day = new int[capacity];
        Array.Fill(day, int.MinValue);
        using (var cmd = c.CreateCommand())
        {
            cmd.CommandText = "SELECT doc, title_len, abstract_len, date FROM papers";
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                var d = r.GetInt32(0);
                exists[d] = true; tl[d] = r.GetInt32(1); al[d] = r.GetInt32(2);
                if (!r.IsDBNull(3)) day[d] = r.GetInt32(3);
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
                var dims = VectorCodec.Dimensions(bytes.Length);
                if (buffer.Length != dims) buffer = new float[dims];
                VectorCodec.Decode(bytes, buffer);
                vectors ??= new QuantizedVectors(capacity, dims);
                if (d < capacity && dims == vectors.Dimensions) vectors.Set(d, buffer);
            }
        }
        return new SearchIndexContents
        {
            Generation = generation, Capacity = capacity, Exists = exists, TitleLength = tl, AbstractLength = al, DayNumber = day,
            DocumentFrequency = df, Vectors = vectors, Embedder = StoredEmbedding(c, tx),
        };
    }

    public TermPostings? ReadPostings(string term)
    {
        using var c = connections.Read();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT df, postings FROM terms WHERE term = $t";
        cmd.Parameters.AddWithValue("$t", term);
        using var r = cmd.ExecuteReader();
        return r.Read() ? TermPostings.Decode((byte[])r[1], r.GetInt32(0)) : null;
    }

    public IReadOnlyDictionary<int, DocumentText> ReadTexts(IReadOnlyCollection<int> docs)
    {
        var result = new Dictionary<int, DocumentText>(docs.Count);
        if (docs.Count == 0) return result;
        using var c = connections.Read();
        using var cmd = c.CreateCommand();
        cmd.CommandText = $"SELECT doc, title, abstract FROM papers WHERE doc IN ({string.Join(',', docs)})";
        using var r = cmd.ExecuteReader();
        while (r.Read()) result[r.GetInt32(0)] = new DocumentText(r.GetString(1), r.GetString(2));
        return result;
    }

    /// <summary>The embedder recorded with the stored vectors.</summary>
    internal static StoredEmbedder? StoredEmbedding(SqliteConnection c, SqliteTransaction? tx = null) => SqliteEmbedderRecord.Read(c, tx);

    private static object? Scalar(SqliteConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return cmd.ExecuteScalar();
    }
}
