using Microsoft.Data.Sqlite;
using ResearchBot.Papers;
using ResearchBot.Retrieval.Index;
using ResearchBot.Text.Analysis;
using static ResearchBot.Storage.SqliteCommands;

namespace ResearchBot.Storage;

/// <summary>
/// The store's reads: a paper by id, title key or title words, the papers of a listing day, listing days, counts and
/// statistics, each on its own connection (WAL: a reader never waits for a writer). The <see cref="IPaperStore"/> reads use
/// the driver's async API and honour cancellation; the synchronous reads by document number serve the VectorData collection.
/// </summary>
internal sealed class SqlitePaperQueries(SqliteConnectionFactory connections)
{
    public async Task<Paper?> GetAsync(string id, CancellationToken ct)
    {
        await using var c = await connections.OpenAsync(ct);
        using var cmd = Command(c, null, $"SELECT {PaperRows.Columns} FROM papers WHERE id = $id OR title_key = $key LIMIT 1");
        cmd.Parameters.AddWithValue("$id", id);
        cmd.Parameters.AddWithValue("$key", TitleKey.Of(id));
        return (await PaperRows.ReadPapersAsync(c, cmd, ct)).FirstOrDefault();
    }

    /// <summary>By id or title key first, then the best FTS5 title match of all the words given.</summary>
    public async Task<Paper?> FindAsync(string idOrTitle, CancellationToken ct)
    {
        if (await GetAsync(idOrTitle, ct) is { } exact) return exact;
        var words = TextAnalyzer.Words(idOrTitle);
        if (words.Count == 0) return null;
        await using var c = await connections.OpenAsync(ct);
        using var cmd = Command(c, null,
            $"SELECT {Prefixed("p")} FROM papers p WHERE p.doc = (SELECT rowid FROM titles_fts WHERE titles_fts MATCH $q ORDER BY rank LIMIT 1)");
        cmd.Parameters.AddWithValue("$q", string.Join(' ', words.Select(w => '"' + w + '"')));
        try
        {
            return (await PaperRows.ReadPapersAsync(c, cmd, ct)).FirstOrDefault();
        }
        catch (SqliteException)
        {
            return null; // words FTS5 cannot parse as a query match no title
        }
    }

    public async Task<IReadOnlyList<Paper>> GetListedOnAsync(DateOnly day, CancellationToken ct)
    {
        await using var c = await connections.OpenAsync(ct);
        // Positions are per source and per upsert, so they are only comparable within one source: order by the day's main
        // source (the one listing most papers), then the papers only other sources listed.
        using var cmd = Command(c, null,
            "WITH d AS (SELECT doc, source, position FROM listings WHERE day = $day), " +
            "main AS (SELECT source FROM d GROUP BY source ORDER BY COUNT(*) DESC, source LIMIT 1), " +
            "l AS (SELECT doc, MIN(CASE WHEN source = (SELECT source FROM main) THEN position END) AS main_pos, MIN(position) AS pos FROM d GROUP BY doc) " +
            $"SELECT {Prefixed("p")} FROM papers p " +
            "JOIN l ON l.doc = p.doc ORDER BY l.main_pos IS NULL, l.main_pos, l.pos, p.doc");
        cmd.Parameters.AddWithValue("$day", day.ToString("yyyy-MM-dd"));
        return await PaperRows.ReadPapersAsync(c, cmd, ct);
    }

    public async Task<IReadOnlyList<DateOnly>> GetListingDaysAsync(CancellationToken ct)
    {
        await using var c = await connections.OpenAsync(ct);
        return await ListingDaysAsync(c, ct);
    }

    public async Task<int> CountAsync(DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        await using var c = await connections.OpenAsync(ct);
        // Only the bounds given go into the query, so SQLite counts from an index instead of scanning the papers.
        var where = (from, to) switch
        {
            (null, null) => "",
            (not null, null) => " WHERE date >= $from",
            (null, not null) => " WHERE date <= $to",
            _ => " WHERE date >= $from AND date <= $to",
        };
        using var cmd = Command(c, null, "SELECT COUNT(*) FROM papers" + where);
        if (from is not null) cmd.Parameters.AddWithValue("$from", from.Value.DayNumber);
        if (to is not null) cmd.Parameters.AddWithValue("$to", to.Value.DayNumber);
        return Convert.ToInt32(await cmd.ExecuteScalarAsync(ct));
    }

    public async Task<StoreStats> GetStatsAsync(CancellationToken ct)
    {
        await using var c = await connections.OpenAsync(ct);
        // One read transaction: the counts, days and embedder are read as of the same commit.
        using var tx = c.BeginTransaction(deferred: true);
        var days = await ListingDaysAsync(c, ct, tx);
        using var cmd = Command(c, tx, "SELECT (SELECT COUNT(*) FROM papers), (SELECT COUNT(*) FROM listings)");
        int papers, listings;
        await using (var r = await cmd.ExecuteReaderAsync(ct))
        {
            await r.ReadAsync(ct);
            (papers, listings) = (r.GetInt32(0), r.GetInt32(1));
        }
        var stored = await SqliteEmbedderRecord.ReadAsync(c, tx, ct);
        return new StoreStats(papers, listings, days, stored?.Model, stored?.Dimensions);
    }

    /// <summary>The stored vector of a paper, if any.</summary>
    public float[]? GetVector(int doc)
    {
        using var c = connections.Open();
        using var cmd = Command(c, null, "SELECT vector FROM embeddings WHERE doc = $doc");
        cmd.Parameters.AddWithValue("$doc", doc);
        return cmd.ExecuteScalar() is byte[] b ? VectorCodec.Decode(b) : null;
    }

    /// <summary>Papers with their document numbers, optionally within a date range, in document order.</summary>
    public IReadOnlyList<(int Doc, Paper Paper)> GetRange(DayRange range, int skip, int top)
    {
        using var c = connections.Open();
        using var cmd = Command(c, null, $"SELECT {PaperRows.Columns} FROM papers WHERE ($from IS NULL OR date >= $from) AND ($to IS NULL OR date <= $to) ORDER BY doc LIMIT $top OFFSET $skip");
        cmd.Parameters.AddWithValue("$from", (object?)range.From ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$to", (object?)range.To ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$top", top);
        cmd.Parameters.AddWithValue("$skip", skip);
        return PaperRows.ReadNumbered(c, cmd);
    }

    /// <summary>Papers by their document numbers (the lexical and vector indexes' ordinals), in the given order.</summary>
    public IReadOnlyList<(int Doc, Paper Paper)> GetByDocs(IReadOnlyList<int> docs)
    {
        if (docs.Count == 0) return [];
        using var lease = connections.Read();
        var c = lease.Connection;
        using var cmd = Command(c, null, $"SELECT {PaperRows.Columns} FROM papers WHERE doc IN ({string.Join(',', docs)})");
        var byDoc = PaperRows.ReadNumbered(c, cmd).ToDictionary(p => p.Doc, p => p.Paper);
        return [.. docs.Where(byDoc.ContainsKey).Select(d => (d, byDoc[d]))];
    }

    private static async Task<IReadOnlyList<DateOnly>> ListingDaysAsync(SqliteConnection c, CancellationToken ct, SqliteTransaction? tx = null)
    {
        using var cmd = Command(c, tx, "SELECT DISTINCT day FROM listings ORDER BY day");
        var days = new List<DateOnly>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) days.Add(DateOnly.ParseExact(r.GetString(0), "yyyy-MM-dd"));
        return days;
    }

    private static string Prefixed(string alias) => string.Join(", ", PaperRows.Columns.Split(", ").Select(x => alias + "." + x));
}
