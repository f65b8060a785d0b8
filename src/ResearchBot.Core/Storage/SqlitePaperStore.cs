using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.AI;
using ResearchBot.Embeddings;
using ResearchBot.Papers;
using ResearchBot.Retrieval.Lexical;
using ResearchBot.Retrieval.Text;

namespace ResearchBot.Storage;

/// <summary>
/// The default store: one SQLite file (WAL) holding papers, listings, an FTS5 title index, the lexical index
/// and the embeddings. Every upsert is one transaction, so a crash or kill mid-ingest leaves the store as it was.
/// </summary>
public sealed class SqlitePaperStore(SqliteConnectionFactory connections, IEmbeddingGenerator<string, Embedding<float>> embedder, EmbeddingBatchOptions? batching = null) : IIndexedPaperStore
{
    private const int ChunkSize = 4096;
    private readonly EmbeddingBatchOptions _batching = batching ?? new();
    private readonly SemaphoreSlim _writeLock = new(1, 1);

    /// <summary>Where the store lives.</summary>
    public string Description => connections.Description;

    internal SqliteConnectionFactory Connections => connections;

    /// <summary>The text a paper's embedding is made from.</summary>
    public static string EmbeddingText(Paper p) => p.Title + ". " + p.Abstract;

    public async Task<UpsertResult> UpsertAsync(IReadOnlyList<Paper> papers, CancellationToken cancellationToken = default)
    {
        var incoming = UpsertPlanner.DedupeBatch(papers);
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            using var c = connections.Open();
            using var tx = c.BeginTransaction();
            var identity = EmbedderIdentity.Of(embedder);
            var (model, dims) = identity;
            var stored = SqliteSearchIndexSource.StoredEmbedding(c, tx);
            if (stored is not null && !identity.Made(stored.Model, stored.Dimensions))
                throw new EmbeddingMismatchException(stored.Model, stored.Dimensions, model, dims ?? 0);

            var plan = Plan(c, tx, incoming);
            var writer = new PaperWriter(c, tx);
            var removed = new List<(int, DocumentTerms)>();
            var added = new PostingsBuilder();
            int addedCount = 0, updatedCount = 0, unchangedCount = 0;
            // Analysis and embedding of the next chunk run while this chunk is written: the two cores overlap
            // CPU work (or a remote embedder's round trips) with SQLite's single-threaded writes.
            var chunks = plan.Chunk(ChunkSize).ToList();
            var next = chunks.Count > 0 ? PrepareAsync(chunks[0], added, cancellationToken) : null;
            try
            {
            for (var n = 0; n < chunks.Count; n++)
            {
                var (changed, terms, vectors) = await next!;
                next = n + 1 < chunks.Count ? PrepareAsync(chunks[n + 1], added, cancellationToken) : null;
                unchangedCount += chunks[n].Length - changed.Count;
                if (vectors.Count > 0) dims = VectorCodec.Dimensions(vectors[0].Length);

                var k = 0;
                foreach (var w in changed)
                {
                    if (w.Existing is null) addedCount++; else updatedCount++;
                    var index = w.TextChanged ? k++ : -1;
                    var lengths = index >= 0 ? new DocumentLengths(terms[index].Title.Count, terms[index].Abstract.Count) : w.ExistingLengths;
                    var doc = writer.Write(w.Merged, w.Doc, isNew: w.Existing is null, lengths, w.BatchPosition);
                    if (index < 0) continue;
                    if (w.Existing is not null)
                    {
                        removed.Add((doc, DocumentTerms.Of(w.Existing.Title, w.Existing.Abstract)));
                        writer.RemoveTitle(doc, w.Existing.Title);
                    }
                    writer.IndexTitle(doc, w.Merged.Title);
                    writer.WriteVector(doc, vectors[index]);
                }
            }
            }
            catch when (next is not null)
            {
                // Let the chunk being prepared finish (a remote embedder must not keep working for a failed ingest), then fail.
                try { await next; } catch (Exception) { }
                throw;
            }
            finally
            {
                writer.Dispose();
            }
            if (removed.Count > 0 || added.Count > 0) LexicalIndexWriter.Apply(c, tx, removed, added);
            if (addedCount + updatedCount > 0)
            {
                if ((stored is null || stored.Model == EmbedderIdentity.LegacyOfflineModel) && dims is int dd)
                    SetMeta(c, tx, ("embedding_model", model), ("embedding_dimensions", dd.ToString()));
                BumpGeneration(c, tx);
            }
            tx.Commit();
            return new UpsertResult(addedCount, updatedCount, unchangedCount);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>
    /// The CPU side of writing a chunk, off the writer's thread: which papers change, their index terms, their encoded
    /// embeddings, and their postings merged into <paramref name="added"/> (chunks are prepared one after another, never at once).
    /// </summary>
    private Task<(List<PlannedWrite> Changed, DocumentTerms[] Terms, List<byte[]> Vectors)> PrepareAsync(PlannedWrite[] chunk, PostingsBuilder added, CancellationToken ct) =>
        Task.Run(async () =>
        {
            var changed = chunk.Where(w => !w.Unchanged).ToList();
            var reindex = changed.Where(w => w.TextChanged).ToList();
            var terms = new DocumentTerms[reindex.Count];
            Parallel.For(0, reindex.Count, new ParallelOptions { CancellationToken = ct },
                i => terms[i] = DocumentTerms.Of(reindex[i].Merged.Title, reindex[i].Merged.Abstract));
            // A chunk's postings are built here, where its few thousand term lists stay in cache, then merged.
            var postings = new PostingsBuilder();
            for (var i = 0; i < reindex.Count; i++) postings.Add(reindex[i].Doc, terms[i]);
            added.Merge(postings);
            var vectors = await EmbedAsync([.. reindex.Select(x => EmbeddingText(x.Merged))], ct);
            return (changed, terms, vectors.ConvertAll(v => VectorCodec.Encode(v)));
        }, ct);

    /// <summary>Rebuilds every embedding with the configured embedder (after changing embedding provider or model).</summary>
    public async Task<int> ReembedAsync(IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            using var c = connections.Open();
            using var tx = c.BeginTransaction();
            var rows = new List<(int Doc, string Text)>();
            using (var cmd = Command(c, tx, "SELECT doc, title, abstract FROM papers ORDER BY doc"))
            using (var r = cmd.ExecuteReader())
                while (r.Read()) rows.Add((r.GetInt32(0), r.GetString(1) + ". " + r.GetString(2)));
            using var vector = Command(c, tx, "INSERT OR REPLACE INTO embeddings(doc, vector) VALUES ($doc, $v)");
            int? dims = null;
            var done = 0;
            foreach (var chunk in rows.Chunk(Math.Max(1, _batching.BatchSize) * 8))
            {
                var vectors = await EmbedAsync(chunk.Select(x => x.Text).ToList(), cancellationToken);
                for (var i = 0; i < chunk.Length; i++)
                {
                    vector.Parameters.Clear();
                    vector.Parameters.AddWithValue("$doc", chunk[i].Doc);
                    vector.Parameters.AddWithValue("$v", VectorCodec.Encode(vectors[i]));
                    vector.ExecuteNonQuery();
                    dims = vectors[i].Length;
                }
                progress?.Report(done += chunk.Length);
            }
            var model = EmbedderIdentity.Of(embedder).Model;
            if (dims is int d) SetMeta(c, tx, ("embedding_model", model), ("embedding_dimensions", d.ToString()));
            else
            {
                // No papers, no vectors: no embedder to hold to (recording 0 dimensions would refuse every embedder later).
                using var clear = Command(c, tx, "DELETE FROM meta WHERE key IN ('embedding_model', 'embedding_dimensions')");
                clear.ExecuteNonQuery();
            }
            BumpGeneration(c, tx);
            tx.Commit();
            return rows.Count;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>Removes papers (with their listings, vectors and index entries) by id; returns how many existed.</summary>
    public async Task<int> DeleteAsync(IEnumerable<string> ids, CancellationToken cancellationToken = default)
    {
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            using var c = connections.Open();
            using var tx = c.BeginTransaction();
            var removed = new List<(int, DocumentTerms)>();
            // Remember the next document number before any paper goes, so a deleted number is never reused.
            Execute(c, tx, "INSERT INTO meta(key, value) SELECT 'next_doc', CAST(MAX(COALESCE((SELECT MAX(doc) FROM papers), 0) + 1, " +
                "COALESCE((SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'next_doc'), 1)) AS TEXT) WHERE true ON CONFLICT(key) DO UPDATE SET value = excluded.value");
            using var find = Command(c, tx, "SELECT doc, title, abstract FROM papers WHERE id = $id");
            foreach (var id in ids.Distinct())
            {
                find.Parameters.Clear();
                find.Parameters.AddWithValue("$id", id);
                using var r = find.ExecuteReader();
                if (!r.Read()) continue;
                var (doc, title, @abstract) = (r.GetInt32(0), r.GetString(1), r.GetString(2));
                removed.Add((doc, DocumentTerms.Of(title, @abstract)));
                foreach (var sql in new[] {
                    "INSERT INTO titles_fts(titles_fts, rowid, title) VALUES ('delete', $doc, $title)",
                    "DELETE FROM listings WHERE doc = $doc", "DELETE FROM embeddings WHERE doc = $doc", "DELETE FROM papers WHERE doc = $doc" })
                {
                    using var cmd = Command(c, tx, sql);
                    cmd.Parameters.AddWithValue("$doc", doc);
                    if (sql.Contains("$title")) cmd.Parameters.AddWithValue("$title", title);
                    cmd.ExecuteNonQuery();
                }
            }
            if (removed.Count > 0)
            {
                LexicalIndexWriter.Apply(c, tx, removed, new PostingsBuilder());
                BumpGeneration(c, tx);
            }
            tx.Commit();
            return removed.Count;
        }
        finally
        {
            _writeLock.Release();
        }
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
    public IReadOnlyList<(int Doc, Paper Paper)> GetRange(Retrieval.Index.DayRange range, int skip, int top)
    {
        using var c = connections.Open();
        using var cmd = Command(c, null, $"SELECT {PaperRows.Columns} FROM papers WHERE ($from IS NULL OR date >= $from) AND ($to IS NULL OR date <= $to) ORDER BY doc LIMIT $top OFFSET $skip");
        cmd.Parameters.AddWithValue("$from", (object?)range.From ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$to", (object?)range.To ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$top", top);
        cmd.Parameters.AddWithValue("$skip", skip);
        var rows = new List<(int, Paper)>();
        using (var r = cmd.ExecuteReader()) while (r.Read()) rows.Add(PaperRows.Read(r));
        var papers = PaperRows.WithListings(c, null, rows);
        return [.. rows.Select((row, i) => (row.Item1, papers[i]))];
    }

    public Task<Paper?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        using var c = connections.Open();
        using var cmd = Command(c, null, $"SELECT {PaperRows.Columns} FROM papers WHERE id = $id OR title_key = $key LIMIT 1");
        cmd.Parameters.AddWithValue("$id", id);
        cmd.Parameters.AddWithValue("$key", TitleKey.Of(id));
        return Task.FromResult(ReadPapers(c, cmd).FirstOrDefault());
    }

    /// <summary>Papers by their document numbers (the lexical and vector indexes' ordinals), in the given order.</summary>
    public IReadOnlyList<(int Doc, Paper Paper)> GetByDocs(IReadOnlyList<int> docs)
    {
        if (docs.Count == 0) return [];
        using var c = connections.Open();
        using var cmd = Command(c, null, $"SELECT {PaperRows.Columns} FROM papers WHERE doc IN ({string.Join(',', docs)})");
        var rows = new List<(int, Paper)>();
        using (var r = cmd.ExecuteReader()) while (r.Read()) rows.Add(PaperRows.Read(r));
        var papers = PaperRows.WithListings(c, null, rows);
        var byDoc = new Dictionary<int, Paper>();
        for (var i = 0; i < rows.Count; i++) byDoc[rows[i].Item1] = papers[i];
        return [.. docs.Where(byDoc.ContainsKey).Select(d => (d, byDoc[d]))];
    }

    /// <summary>By id or title key first, then the best FTS5 title match of all the words given.</summary>
    public async Task<Paper?> FindAsync(string idOrTitle, CancellationToken cancellationToken = default)
    {
        if (await GetAsync(idOrTitle, cancellationToken) is { } exact) return exact;
        var words = TextAnalyzer.Words(idOrTitle);
        if (words.Count == 0) return null;
        var docs = SearchTitles(string.Join(' ', words.Select(w => '"' + w + '"')), 1);
        return docs.Count == 0 ? null : GetByDocs(docs).Select(p => p.Paper).FirstOrDefault();
    }

    /// <summary>Documents whose title matches an FTS5 query over titles, best first.</summary>
    internal IReadOnlyList<int> SearchTitles(string ftsQuery, int top)
    {
        using var c = connections.Open();
        using var cmd = Command(c, null, "SELECT rowid FROM titles_fts WHERE titles_fts MATCH $q ORDER BY rank LIMIT $n");
        cmd.Parameters.AddWithValue("$q", ftsQuery);
        cmd.Parameters.AddWithValue("$n", top);
        var docs = new List<int>();
        try
        {
            using var r = cmd.ExecuteReader();
            while (r.Read()) docs.Add(r.GetInt32(0));
        }
        catch (SqliteException)
        {
            return [];
        }
        return docs;
    }

    public Task<IReadOnlyList<Paper>> GetListedOnAsync(DateOnly day, CancellationToken cancellationToken = default)
    {
        using var c = connections.Open();
        // Positions are per source and per upsert, so they are only comparable within one source: order by the day's main
        // source (the one listing most papers), then the papers only other sources listed.
        using var cmd = Command(c, null,
            "WITH d AS (SELECT doc, source, position FROM listings WHERE day = $day), " +
            "main AS (SELECT source FROM d GROUP BY source ORDER BY COUNT(*) DESC, source LIMIT 1), " +
            "l AS (SELECT doc, MIN(CASE WHEN source = (SELECT source FROM main) THEN position END) AS main_pos, MIN(position) AS pos FROM d GROUP BY doc) " +
            $"SELECT {string.Join(", ", PaperRows.Columns.Split(", ").Select(x => "p." + x))} FROM papers p " +
            "JOIN l ON l.doc = p.doc ORDER BY l.main_pos IS NULL, l.main_pos, l.pos, p.doc");
        cmd.Parameters.AddWithValue("$day", day.ToString("yyyy-MM-dd"));
        return Task.FromResult<IReadOnlyList<Paper>>(ReadPapers(c, cmd));
    }

    public Task<IReadOnlyList<DateOnly>> GetListingDaysAsync(CancellationToken cancellationToken = default)
    {
        using var c = connections.Open();
        using var cmd = Command(c, null, "SELECT DISTINCT day FROM listings ORDER BY day");
        var days = new List<DateOnly>();
        using var r = cmd.ExecuteReader();
        while (r.Read()) days.Add(DateOnly.ParseExact(r.GetString(0), "yyyy-MM-dd"));
        return Task.FromResult<IReadOnlyList<DateOnly>>(days);
    }

    public Task<int> CountAsync(DateOnly? from = null, DateOnly? to = null, CancellationToken cancellationToken = default)
    {
        using var c = connections.Open();
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
        return Task.FromResult(Convert.ToInt32(cmd.ExecuteScalar()));
    }

    public async Task<StoreStats> GetStatsAsync(CancellationToken cancellationToken = default)
    {
        var days = await GetListingDaysAsync(cancellationToken);
        using var c = connections.Open();
        using var cmd = Command(c, null, "SELECT (SELECT COUNT(*) FROM papers), (SELECT COUNT(*) FROM listings)");
        using var r = cmd.ExecuteReader();
        r.Read();
        var stored = SqliteSearchIndexSource.StoredEmbedding(c);
        return new StoreStats(r.GetInt32(0), r.GetInt32(1), days, stored?.Model, stored?.Dimensions);
    }

    private async Task<List<float[]>> EmbedAsync(List<string> texts, CancellationToken ct)
    {
        var result = new List<float[]>(texts.Count);
        foreach (var batch in texts.Chunk(Math.Max(1, _batching.BatchSize)))
        {
            var embeddings = await embedder.GenerateAsync(batch, cancellationToken: ct);
            result.AddRange(embeddings.Select(e => e.Vector.ToArray()));
        }
        return result;
    }

    private static List<PlannedWrite> Plan(SqliteConnection c, SqliteTransaction tx, IReadOnlyList<Paper> incoming)
    {
        using var count = Command(c, tx, "SELECT EXISTS(SELECT 1 FROM papers)");
        var empty = Convert.ToInt64(count.ExecuteScalar()) == 0;
        using var find = Command(c, tx, $"SELECT {PaperRows.Columns}, title_len, abstract_len FROM papers WHERE id = $id OR title_key = $key ORDER BY (id = $id) DESC LIMIT 1");
        // Document numbers only grow (a deleted paper's number is never given to another: readers may still hold it).
        using var max = Command(c, tx, "SELECT MAX(COALESCE((SELECT MAX(doc) FROM papers), 0) + 1, COALESCE((SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'next_doc'), 1))");
        var nextDoc = Convert.ToInt32(max.ExecuteScalar());
        return UpsertPlanner.Plan(incoming, p =>
        {
            if (empty) return null;
            find.Parameters.Clear();
            find.Parameters.AddWithValue("$id", p.Id);
            find.Parameters.AddWithValue("$key", p.TitleKey);
            using var r = find.ExecuteReader();
            if (!r.Read()) return null;
            var (doc, paper) = PaperRows.Read(r);
            return new StoredPaper(doc, paper, new DocumentLengths(r.GetInt32(11), r.GetInt32(12)));
        }, found => PaperRows.WithListings(c, tx, [(found.Doc, found.Paper)])[0], nextDoc);
    }

    private static void SetMeta(SqliteConnection c, SqliteTransaction tx, params (string Key, string Value)[] values)
    {
        using var cmd = Command(c, tx, "INSERT OR REPLACE INTO meta(key, value) VALUES ($k, $v)");
        foreach (var (k, v) in values)
        {
            cmd.Parameters.Clear();
            cmd.Parameters.AddWithValue("$k", k);
            cmd.Parameters.AddWithValue("$v", v);
            cmd.ExecuteNonQuery();
        }
    }

    private static void Execute(SqliteConnection c, SqliteTransaction tx, string sql)
    {
        using var cmd = Command(c, tx, sql);
        cmd.ExecuteNonQuery();
    }

    private static void BumpGeneration(SqliteConnection c, SqliteTransaction tx)
    {
        using var cmd = Command(c, tx, "INSERT INTO meta(key, value) VALUES ('generation', '1') ON CONFLICT(key) DO UPDATE SET value = CAST(value AS INTEGER) + 1");
        cmd.ExecuteNonQuery();
    }

    private static List<Paper> ReadPapers(SqliteConnection c, SqliteCommand cmd)
    {
        var rows = new List<(int, Paper)>();
        using (var r = cmd.ExecuteReader()) while (r.Read()) rows.Add(PaperRows.Read(r));
        return PaperRows.WithListings(c, null, rows);
    }

    private static SqliteCommand Command(SqliteConnection c, SqliteTransaction? tx, string sql)
    {
        var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        return cmd;
    }

}

/// <summary>How texts are sent to the embedder (section <c>Embeddings</c>).</summary>
public sealed class EmbeddingBatchOptions
{
    /// <summary>Texts per embedding request.</summary>
    public int BatchSize { get; set; } = 256;
}
