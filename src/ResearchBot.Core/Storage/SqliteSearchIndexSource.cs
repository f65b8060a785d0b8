using Microsoft.Data.Sqlite;
using SQLitePCL;
using ResearchBot.Retrieval.Index;
using ResearchBot.Retrieval.Lexical;

namespace ResearchBot.Storage;

/// <summary>Search's view of a SQLite store: the generation counter, per-document statistics, postings, vectors and texts.</summary>
/// <param name="parallelLoadFrom">From this many documents on, a snapshot's vectors are read on a second connection while the rest is read.</param>
public sealed class SqliteSearchIndexSource(SqliteConnectionFactory connections, int parallelLoadFrom = 50_000) : ISearchIndexSource
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
        var generation = SqliteMeta.Generation(c);
        var capacity = Convert.ToInt32(SqliteCommands.Scalar(c, "SELECT COALESCE(MAX(doc), 0) + 1 FROM papers"));
        _segments = SqliteTermRows.HasSegments(c, tx);
        // A current search image holds the statistics and the vectors as a few blobs: no row-by-row read, no quantizing.
        if (SqliteSearchImage.TryRead(c, generation, capacity) is { } image)
            return new SearchIndexContents
            {
                Generation = generation, Capacity = capacity, Exists = image.Exists, TitleLength = image.TitleLength,
                AbstractLength = image.AbstractLength, DayNumber = image.DayNumber,
                DocumentFrequency = SqliteTermRows.DocumentFrequencies(c, tx, _segments), Vectors = image.Vectors, Embedder = StoredEmbedding(c, tx),
            };
        // A large store's vectors (most of what is read) are read on a second connection meanwhile; it reads the same
        // snapshot when it sees the same generation (no commit came in between), else they are read here afterwards.
        var alongside = capacity >= parallelLoadFrom && !connections.IsInMemory ? Task.Run(() => VectorsAlongside(generation, capacity)) : null;
        var exists = new bool[capacity];
        var tl = new int[capacity]; var al = new int[capacity]; var day = new int[capacity];
        Array.Fill(day, int.MinValue);
        ReadStatistics(c, exists, tl, al, day);
        var df = SqliteTermRows.DocumentFrequencies(c, tx, _segments);
        var vectors = alongside?.GetAwaiter().GetResult() is (true, var read) ? read : ReadVectors(c, capacity);
        return new SearchIndexContents
        {
            Generation = generation, Capacity = capacity, Exists = exists, TitleLength = tl, AbstractLength = al, DayNumber = day,
            DocumentFrequency = df, Vectors = vectors, Embedder = StoredEmbedding(c, tx),
        };
    }

    private (bool SameSnapshot, QuantizedVectors? Vectors) VectorsAlongside(long generation, int capacity)
    {
        using var c = connections.Open();
        using var tx = c.BeginTransaction(deferred: true);
        if (SqliteMeta.Generation(c) != generation) return (false, null);
        return (true, ReadVectors(c, capacity));
    }

    /// <summary>
    /// Every stored vector, decoded and quantized on a second thread while the rows are read. The rows are stepped with
    /// SQLitePCLRaw (the provider under Microsoft.Data.Sqlite) on the connection's handle, so each blob is copied straight
    /// from SQLite's page into the load's batch: a million vectors do not become a million arrays.
    /// </summary>
    private static QuantizedVectors? ReadVectors(SqliteConnection c, int capacity)
    {
        using var load = new VectorLoad(capacity);
        var db = c.Handle ?? throw new InvalidOperationException("the connection is not open");
        SqliteCommands.CheckRaw(db, raw.sqlite3_prepare_v2(db, "SELECT doc, vector FROM embeddings", out var stmt));
        using (stmt)
        {
            int rc;
            while ((rc = raw.sqlite3_step(stmt)) == raw.SQLITE_ROW)
                load.Add(raw.sqlite3_column_int(stmt, 0), raw.sqlite3_column_blob(stmt, 1));
            if (rc != raw.SQLITE_DONE) SqliteCommands.CheckRaw(db, rc);
        }
        return load.Complete();
    }

    /// <summary>
    /// Every paper's statistics, stepped with SQLitePCLRaw on the connection's handle like the vectors: a million rows
    /// read through <c>SqliteDataReader</c> cost about twice as long.
    /// </summary>
    private static void ReadStatistics(SqliteConnection c, bool[] exists, int[] titleLength, int[] abstractLength, int[] day)
    {
        var db = c.Handle ?? throw new InvalidOperationException("the connection is not open");
        SqliteCommands.CheckRaw(db, raw.sqlite3_prepare_v2(db, StatisticsQuery, out var stmt));
        using (stmt)
        {
            int rc;
            while ((rc = raw.sqlite3_step(stmt)) == raw.SQLITE_ROW)
            {
                var d = raw.sqlite3_column_int(stmt, 0);
                if ((uint)d >= (uint)exists.Length) continue;
                var lengths = raw.sqlite3_column_int64(stmt, 1);
                exists[d] = true;
                titleLength[d] = (int)(lengths >> 32);
                abstractLength[d] = (int)(lengths & 0xFFFFFFFF);
                day[d] = raw.sqlite3_column_int(stmt, 2);
            }
            if (rc != raw.SQLITE_DONE) SqliteCommands.CheckRaw(db, rc);
        }
    }

    public TermPostings? ReadPostings(string term, int expectedCount = 0)
    {
        using var c = connections.Read();
        return SqliteTermRows.ReadDirect(c.Connection, term, _segments, expectedCount);
    }

    /// <summary>
    /// False only for a store written before postings segments existed and opened read-only (nothing could add the table);
    /// checked again by every <see cref="ReadContents"/>, so a writer adding the table meanwhile is followed.
    /// </summary>
    private volatile bool _segments = true;

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

    /// <summary>
    /// Every paper's statistics, from the covering index <c>papers_stats</c>: three values a row instead of four (a million
    /// rows are read on start-up), the lengths packed into one integer and a missing date as int.MinValue.
    /// </summary>
    internal const string StatisticsQuery = "SELECT doc, (title_len << 32) | abstract_len, COALESCE(date, -2147483648) FROM papers";


}
