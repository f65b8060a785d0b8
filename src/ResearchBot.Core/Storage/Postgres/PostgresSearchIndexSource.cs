using System.Data;
using Npgsql;
using ResearchBot.Retrieval.Index;
using ResearchBot.Retrieval.Lexical;

namespace ResearchBot.Storage.Postgres;

/// <summary>Search's view of a PostgreSQL store: the generation (followed by notification), per-document statistics, postings, vectors and texts.</summary>
public sealed class PostgresSearchIndexSource(PostgresDatabase db) : ISearchIndexSource
{
    public long CurrentGeneration() => db.CurrentGeneration();

    public SearchIndexContents ReadContents()
    {
        using var c = db.Open();
        // One repeatable-read transaction: every table is read as of the same commit, whatever another process writes meanwhile.
        using var tx = c.BeginTransaction(IsolationLevel.RepeatableRead);
        var generation = PostgresDatabase.ReadGeneration(c, tx);
        int capacity;
        using (var cmd = new NpgsqlCommand("SELECT COALESCE(MAX(doc), 0) + 1 FROM papers", c, tx)) capacity = Convert.ToInt32(cmd.ExecuteScalar());
        var exists = new bool[capacity];
        var tl = new int[capacity]; var al = new int[capacity]; var day = new int[capacity];
        Array.Fill(day, int.MinValue);
        using (var cmd = new NpgsqlCommand("SELECT doc, title_len, abstract_len, date FROM papers", c, tx))
        using (var r = cmd.ExecuteReader())
            while (r.Read())
            {
                var d = r.GetInt32(0);
                exists[d] = true; tl[d] = r.GetInt32(1); al[d] = r.GetInt32(2);
                if (!r.IsDBNull(3)) day[d] = r.GetInt32(3);
            }
        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        using (var cmd = new NpgsqlCommand("SELECT term, df FROM terms", c, tx))
        using (var r = cmd.ExecuteReader())
            while (r.Read()) df[r.GetString(0)] = r.GetInt32(1);
        QuantizedVectors? vectors;
        using (var load = new VectorLoad(capacity))
        {
            using (var cmd = new NpgsqlCommand("SELECT doc, vector FROM embeddings", c, tx))
            using (var r = cmd.ExecuteReader())
                while (r.Read()) load.Add(r.GetInt32(0), r.GetFieldValue<byte[]>(1));
            vectors = load.Complete();
        }
        var embedder = StoredEmbedding(c, tx);
        tx.Commit();
        db.Observe(generation);
        return new SearchIndexContents
        {
            Generation = generation, Capacity = capacity, Exists = exists, TitleLength = tl, AbstractLength = al, DayNumber = day,
            DocumentFrequency = df, Vectors = vectors, Embedder = embedder,
        };
    }

    public TermPostings? ReadPostings(string term, int expectedCount = 0)
    {
        using var c = db.Open();
        using var cmd = new NpgsqlCommand("SELECT df, postings FROM terms WHERE term = @t", c);
        cmd.Parameters.AddWithValue("t", term);
        using var r = cmd.ExecuteReader();
        return r.Read() ? TermPostings.Decode(r.GetFieldValue<byte[]>(1), r.GetInt32(0)) : null;
    }

    public IReadOnlyDictionary<int, DocumentText> ReadTexts(IReadOnlyCollection<int> docs)
    {
        var result = new Dictionary<int, DocumentText>(docs.Count);
        if (docs.Count == 0) return result;
        using var c = db.Open();
        using var cmd = new NpgsqlCommand("SELECT doc, title, abstract FROM papers WHERE doc = ANY(@docs)", c);
        cmd.Parameters.AddWithValue("docs", docs.ToArray());
        using var r = cmd.ExecuteReader();
        while (r.Read()) result[r.GetInt32(0)] = new DocumentText(r.GetString(1), r.GetString(2));
        return result;
    }

    /// <summary>The embedder recorded with the stored vectors.</summary>
    internal static StoredEmbedder? StoredEmbedding(NpgsqlConnection c, NpgsqlTransaction? tx)
    {
        using var cmd = new NpgsqlCommand("SELECT key, value FROM meta WHERE key IN ('embedding_model', 'embedding_dimensions')", c, tx);
        using var r = cmd.ExecuteReader();
        string? model = null; var dims = 0;
        while (r.Read())
        {
            if (r.GetString(0) == "embedding_model") model = r.GetString(1);
            else dims = int.Parse(r.GetString(1));
        }
        return model is null ? null : new StoredEmbedder(model, dims);
    }
}
