using Microsoft.Extensions.AI;
using Npgsql;
using NpgsqlTypes;
using ResearchBot.Embeddings;
using ResearchBot.Papers;
using ResearchBot.Retrieval.Index;
using ResearchBot.Retrieval.Lexical;
using ResearchBot.Text.Analysis;

namespace ResearchBot.Storage.Postgres;

/// <summary>
/// The store on a PostgreSQL server that several processes share. Every write is one transaction under one advisory
/// lock (the postings of common terms are rewritten by every ingest, so writers would serialize on those rows anyway),
/// decided by the same planner as the SQLite store, and announces its new generation with NOTIFY on commit.
/// </summary>
public sealed class PostgresPaperStore(PostgresDatabase db, IEmbeddingGenerator<string, Embedding<float>> embedder, EmbeddingBatchOptions? batching = null) : IIndexedPaperStore
{
    private readonly BatchedEmbedder _embeddings = new(embedder, batching ?? new());

    public string Description => db.Description;

    public string SystemName => "postgresql";

    public Task<UpsertResult> UpsertAsync(IReadOnlyList<Paper> papers, CancellationToken cancellationToken = default) =>
        UpsertAsync(papers, StoreWriteOptions.Merge, cancellationToken);

    /// <summary>
    /// <see cref="UpsertAsync(IReadOnlyList{Paper}, CancellationToken)"/> with the VectorData collection's options: vectors
    /// given per paper id are stored as they are (no embedder call for those papers, also when the paper's text did not
    /// change), and <see cref="StoreWriteOptions.ExactKeys"/> makes the upsert a record replace by exact id.
    /// </summary>
    public async Task<UpsertResult> UpsertAsync(IReadOnlyList<Paper> papers, StoreWriteOptions write, CancellationToken cancellationToken = default)
    {
        var incoming = write.ExactKeys ? BatchDeduper.LastById(papers) : BatchDeduper.Dedupe(papers);
        await using var c = db.Open();
        await using var tx = await c.BeginTransactionAsync(cancellationToken);
        await LockAsync(c, tx, cancellationToken);
        var identity = _embeddings.Identity;
        var (model, dims) = identity;
        var stored = PostgresSearchIndexSource.StoredEmbedding(c, tx);
        if (stored is not null && !identity.Made(stored.Model, stored.Dimensions))
            throw new EmbeddingMismatchException(stored.Model, stored.Dimensions, model, dims ?? 0);
        GivenVectors.Check(write.Vectors, dims ?? stored?.Dimensions);

        var plan = Plan(c, tx, incoming, write.ExactKeys);
        var changed = plan.Where(w => !w.Unchanged).ToList();
        var reindex = changed.Where(w => w.TextChanged).ToList();
        var terms = new DocumentTerms[reindex.Count];
        Parallel.For(0, reindex.Count, new ParallelOptions { CancellationToken = cancellationToken },
            i => terms[i] = DocumentTerms.Of(reindex[i].Merged.Title, reindex[i].Merged.Abstract));
        var added = new PostingsBuilder();
        for (var i = 0; i < reindex.Count; i++) added.Add(reindex[i].Doc, terms[i]);
        var vectors = await GivenVectors.ForReindexedAsync(reindex, write.Vectors, _embeddings.EmbedAsync, cancellationToken);
        // Given vectors of papers whose text did not change (so were not re-embedded) replace the stored ones.
        var given = GivenVectors.ForUnchangedText(plan, write.Vectors);
        if (vectors.Count > 0) dims = vectors[0].Length;
        else if (given.Count > 0) dims = given[0].Vector.Length;

        var lengths = new Dictionary<int, DocumentLengths>(reindex.Count);
        for (var i = 0; i < reindex.Count; i++) lengths[reindex[i].Doc] = new DocumentLengths(terms[i].Title.Count, terms[i].Abstract.Count);
        DocumentLengths Lengths(PlannedWrite w) => lengths.TryGetValue(w.Doc, out var l) ? l : w.ExistingLengths;

        await InsertPapersAsync(c, [.. changed.Where(w => w.Existing is null).Select(w => (w.Doc, w.Merged, Lengths(w)))], cancellationToken);
        await UpdatePapersAsync(c, tx, [.. changed.Where(w => w.Existing is not null).Select(w => (w.Doc, w.Merged, Lengths(w)))], cancellationToken);
        await WriteListingsAsync(c, tx, changed, cancellationToken);
        await WriteVectorsAsync(c, tx, [.. reindex.Select((w, i) => (w.Doc, VectorCodec.Encode(vectors[i]))), .. given.Select(g => (g.Doc, VectorCodec.Encode(g.Vector)))], cancellationToken);
        var removed = reindex.Where(w => w.Existing is not null).Select(w => (w.Doc, DocumentTerms.Of(w.Existing!.Title, w.Existing.Abstract))).ToList();
        if (removed.Count > 0 || added.Count > 0) await PostgresPostings.ApplyAsync(c, tx, removed, added, cancellationToken);

        long? generation = null;
        if (changed.Count + given.Count > 0)
        {
            if ((stored is null || stored.Model == EmbedderIdentity.LegacyOfflineModel) && dims is int dd)
                SetMeta(c, tx, ("embedding_model", model), ("embedding_dimensions", dd.ToString()));
            generation = BumpGeneration(c, tx);
        }
        await tx.CommitAsync(cancellationToken);
        if (generation is long g) db.Observe(g);
        var addedCount = changed.Count(w => w.Existing is null);
        return new UpsertResult(addedCount, changed.Count - addedCount, plan.Count - changed.Count);
    }

    public async Task<int> ReembedAsync(IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        await using var c = db.Open();
        await using var tx = await c.BeginTransactionAsync(cancellationToken);
        await LockAsync(c, tx, cancellationToken);
        var rows = new List<(int Doc, string Text)>();
        await using (var cmd = new NpgsqlCommand("SELECT doc, title, abstract FROM papers ORDER BY doc", c, tx))
        await using (var r = await cmd.ExecuteReaderAsync(cancellationToken))
            while (await r.ReadAsync(cancellationToken)) rows.Add((r.GetInt32(0), r.GetString(1) + ". " + r.GetString(2)));
        int? dims = null;
        var done = 0;
        foreach (var chunk in rows.Chunk(_embeddings.BatchSize * 8))
        {
            var vectors = await _embeddings.EmbedAsync([.. chunk.Select(x => x.Text)], cancellationToken);
            await WriteVectorsAsync(c, tx, [.. chunk.Select((x, i) => (x.Doc, VectorCodec.Encode(vectors[i])))], cancellationToken);
            if (vectors.Count > 0) dims = vectors[^1].Length;
            progress?.Report(done += chunk.Length);
        }
        if (dims is int d) SetMeta(c, tx, ("embedding_model", _embeddings.Identity.Model), ("embedding_dimensions", d.ToString()));
        else Execute(c, tx, "DELETE FROM meta WHERE key IN ('embedding_model', 'embedding_dimensions')");
        var generation = BumpGeneration(c, tx);
        await tx.CommitAsync(cancellationToken);
        db.Observe(generation);
        return rows.Count;
    }

    /// <summary>PostgreSQL keeps no search image: each process reads the rows on start-up.</summary>
    public Task<bool> SaveSearchImageAsync(CancellationToken cancellationToken = default) => Task.FromResult(false);

    public async Task<int> DeleteAsync(IEnumerable<string> ids, CancellationToken cancellationToken = default)
    {
        await using var c = db.Open();
        await using var tx = await c.BeginTransactionAsync(cancellationToken);
        await LockAsync(c, tx, cancellationToken);
        // Remember the next document number before any paper goes, so a deleted number is never reused.
        Execute(c, tx, "INSERT INTO meta(key, value) SELECT 'next_doc', GREATEST(COALESCE((SELECT MAX(doc) FROM papers), 0) + 1, " +
            "COALESCE((SELECT value::integer FROM meta WHERE key = 'next_doc'), 1))::text ON CONFLICT (key) DO UPDATE SET value = excluded.value");
        var removed = new List<(int, DocumentTerms)>();
        await using (var find = new NpgsqlCommand("DELETE FROM papers WHERE id = ANY(@ids) RETURNING doc, title, abstract", c, tx))
        {
            find.Parameters.AddWithValue("ids", ids.Distinct().ToArray());
            await using var r = await find.ExecuteReaderAsync(cancellationToken);
            while (await r.ReadAsync(cancellationToken)) removed.Add((r.GetInt32(0), DocumentTerms.Of(r.GetString(1), r.GetString(2))));
        }
        long? generation = null;
        if (removed.Count > 0)
        {
            await PostgresPostings.ApplyAsync(c, tx, removed, new PostingsBuilder(), cancellationToken);
            generation = BumpGeneration(c, tx);
        }
        await tx.CommitAsync(cancellationToken);
        if (generation is long g) db.Observe(g);
        return removed.Count;
    }

    public Task<Paper?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        using var c = db.Open();
        using var cmd = new NpgsqlCommand($"SELECT {PostgresPaperRows.Columns} FROM papers WHERE id = @id OR title_key = @key ORDER BY (id = @id) DESC, doc LIMIT 1", c);
        cmd.Parameters.AddWithValue("id", id);
        cmd.Parameters.AddWithValue("key", TitleKey.Of(id));
        return Task.FromResult<Paper?>(PostgresPaperRows.ReadWithListings(c, null, cmd).Select(p => p.Paper).FirstOrDefault());
    }

    /// <summary>By id or title key first, then the best full-text title match of all the words given.</summary>
    public async Task<Paper?> FindAsync(string idOrTitle, CancellationToken cancellationToken = default)
    {
        if (await GetAsync(idOrTitle, cancellationToken) is { } exact) return exact;
        var words = TextAnalyzer.Words(idOrTitle);
        if (words.Count == 0) return null;
        using var c = db.Open();
        using var cmd = new NpgsqlCommand($"SELECT {PostgresPaperRows.Columns} FROM papers, plainto_tsquery('english', @q) q " +
            "WHERE to_tsvector('english', title) @@ q ORDER BY ts_rank(to_tsvector('english', title), q, 1) DESC, doc LIMIT 1", c);
        cmd.Parameters.AddWithValue("q", string.Join(' ', words));
        return PostgresPaperRows.ReadWithListings(c, null, cmd).Select(p => p.Paper).FirstOrDefault();
    }

    public IReadOnlyList<(int Doc, Paper Paper)> GetByDocs(IReadOnlyList<int> docs)
    {
        if (docs.Count == 0) return [];
        using var c = db.Open();
        using var cmd = new NpgsqlCommand($"SELECT {PostgresPaperRows.Columns} FROM papers WHERE doc = ANY(@docs)", c);
        cmd.Parameters.AddWithValue("docs", docs.ToArray());
        var byDoc = PostgresPaperRows.ReadWithListings(c, null, cmd).ToDictionary(p => p.Doc, p => p.Paper);
        return [.. docs.Where(byDoc.ContainsKey).Select(d => (d, byDoc[d]))];
    }

    public IReadOnlyList<(int Doc, Paper Paper)> ByIds(IReadOnlyList<string> ids)
    {
        if (ids.Count == 0) return [];
        using var c = db.Open();
        using var cmd = new NpgsqlCommand($"SELECT {PostgresPaperRows.Columns} FROM papers WHERE id = ANY(@ids)", c);
        cmd.Parameters.AddWithValue("ids", ids.Distinct(StringComparer.Ordinal).ToArray());
        var byId = PostgresPaperRows.ReadWithListings(c, null, cmd).ToDictionary(p => p.Paper.Id, StringComparer.Ordinal);
        return [.. ids.Where(byId.ContainsKey).Select(id => byId[id])];
    }

    public IReadOnlyList<(int Doc, Paper Paper)> Find(PaperFilter filter, IReadOnlyList<PaperSort> sort, int skip, int top)
    {
        var (where, parameters) = PostgresFilterSql.Where(filter);
        using var c = db.Open();
        using var cmd = new NpgsqlCommand($"SELECT {PostgresPaperRows.Columns} FROM papers WHERE {where} ORDER BY {PostgresFilterSql.OrderBy(sort)} LIMIT @top OFFSET @skip", c);
        foreach (var p in parameters) cmd.Parameters.Add(p);
        cmd.Parameters.AddWithValue("top", (long)top);
        cmd.Parameters.AddWithValue("skip", (long)skip);
        return PostgresPaperRows.ReadWithListings(c, null, cmd);
    }

    public IReadOnlySet<int> Docs(PaperFilter filter)
    {
        var (where, parameters) = PostgresFilterSql.Where(filter);
        using var c = db.Open();
        using var cmd = new NpgsqlCommand($"SELECT doc FROM papers WHERE {where}", c);
        foreach (var p in parameters) cmd.Parameters.Add(p);
        var docs = new HashSet<int>();
        using var r = cmd.ExecuteReader();
        while (r.Read()) docs.Add(r.GetInt32(0));
        return docs;
    }

    public IReadOnlyDictionary<int, float[]> Vectors(IEnumerable<int> docs)
    {
        var wanted = docs.Distinct().ToArray();
        var vectors = new Dictionary<int, float[]>(wanted.Length);
        if (wanted.Length == 0) return vectors;
        using var c = db.Open();
        using var cmd = new NpgsqlCommand("SELECT doc, vector FROM embeddings WHERE doc = ANY(@docs)", c);
        cmd.Parameters.AddWithValue("docs", wanted);
        using var r = cmd.ExecuteReader();
        while (r.Read()) vectors[r.GetInt32(0)] = VectorCodec.Decode((byte[])r.GetValue(1));
        return vectors;
    }

    public Task<IReadOnlyList<Paper>> GetListedOnAsync(DateOnly day, CancellationToken cancellationToken = default)
    {
        using var c = db.Open();
        // Positions are per source and per upsert: order by the day's main source (the one listing most papers), then the rest.
        using var cmd = new NpgsqlCommand(
            "WITH d AS (SELECT doc, source, position FROM listings WHERE day = @day), " +
            "main AS (SELECT source FROM d GROUP BY source ORDER BY COUNT(*) DESC, source COLLATE \"C\" LIMIT 1), " +
            "l AS (SELECT doc, MIN(CASE WHEN source = (SELECT source FROM main) THEN position END) AS main_pos, MIN(position) AS pos FROM d GROUP BY doc) " +
            $"SELECT {PostgresPaperRows.Prefixed("p")} FROM papers p JOIN l ON l.doc = p.doc ORDER BY l.main_pos IS NULL, l.main_pos, l.pos, p.doc", c);
        cmd.Parameters.AddWithValue("day", day);
        return Task.FromResult<IReadOnlyList<Paper>>([.. PostgresPaperRows.ReadWithListings(c, null, cmd).Select(p => p.Paper)]);
    }

    public Task<IReadOnlyList<DateOnly>> GetListingDaysAsync(CancellationToken cancellationToken = default)
    {
        using var c = db.Open();
        return Task.FromResult<IReadOnlyList<DateOnly>>(ListingDays(c));
    }

    public Task<int> CountAsync(DateOnly? from = null, DateOnly? to = null, CancellationToken cancellationToken = default)
    {
        using var c = db.Open();
        using var cmd = new NpgsqlCommand("SELECT COUNT(*) FROM papers WHERE (@from::integer IS NULL OR date >= @from) AND (@to::integer IS NULL OR date <= @to)", c);
        cmd.Parameters.Add(new NpgsqlParameter("from", NpgsqlDbType.Integer) { Value = (object?)from?.DayNumber ?? DBNull.Value });
        cmd.Parameters.Add(new NpgsqlParameter("to", NpgsqlDbType.Integer) { Value = (object?)to?.DayNumber ?? DBNull.Value });
        return Task.FromResult(Convert.ToInt32(cmd.ExecuteScalar()));
    }

    public Task<StoreStats> GetStatsAsync(CancellationToken cancellationToken = default)
    {
        using var c = db.Open();
        // One snapshot for every count.
        using var tx = c.BeginTransaction(System.Data.IsolationLevel.RepeatableRead);
        var days = ListingDays(c, tx);
        using var cmd = new NpgsqlCommand("SELECT (SELECT COUNT(*) FROM papers), (SELECT COUNT(*) FROM listings)", c, tx);
        using var r = cmd.ExecuteReader();
        r.Read();
        var (papers, listings) = (r.GetInt64(0), r.GetInt64(1));
        r.Close();
        var stored = PostgresSearchIndexSource.StoredEmbedding(c, tx);
        return Task.FromResult(new StoreStats((int)papers, (int)listings, days, stored?.Model, stored?.Dimensions));
    }

    private static List<DateOnly> ListingDays(NpgsqlConnection c, NpgsqlTransaction? tx = null)
    {
        using var cmd = new NpgsqlCommand("SELECT DISTINCT day FROM listings ORDER BY day", c, tx);
        var days = new List<DateOnly>();
        using var r = cmd.ExecuteReader();
        while (r.Read()) days.Add(r.GetFieldValue<DateOnly>(0));
        return days;
    }

    /// <summary>
    /// Plans the batch against the stored papers: one query finds every stored paper with one of the batch's ids or
    /// title keys (an id match wins over a title key match; among title key matches the oldest paper).
    /// </summary>
    /// <param name="exactKeys">A record replace (the VectorData collection's upsert): match stored papers by exact id only and keep the record's fields.</param>
    private static List<PlannedWrite> Plan(NpgsqlConnection c, NpgsqlTransaction tx, IReadOnlyList<Paper> incoming, bool exactKeys)
    {
        var byId = new Dictionary<string, StoredPaper>(StringComparer.Ordinal);
        var byKey = new Dictionary<string, StoredPaper>(StringComparer.Ordinal);
        using (var find = new NpgsqlCommand($"SELECT {PostgresPaperRows.Columns}, title_len, abstract_len, title_key FROM papers " +
            "WHERE id = ANY(@ids) OR title_key = ANY(@keys) ORDER BY doc", c, tx))
        {
            find.Parameters.AddWithValue("ids", incoming.Select(p => p.Id).Distinct().ToArray());
            find.Parameters.AddWithValue("keys", exactKeys ? Array.Empty<string>() : incoming.Select(p => p.TitleKey).Distinct().ToArray());
            using var r = find.ExecuteReader();
            while (r.Read())
            {
                var (doc, paper) = PostgresPaperRows.Read(r);
                var row = new StoredPaper(doc, paper, new DocumentLengths(r.GetInt32(11), r.GetInt32(12)));
                byId[paper.Id] = row;
                byKey.TryAdd(r.GetString(13), row);
            }
        }
        var listings = byId.Count == 0 ? [] : PostgresPaperRows.Listings(c, tx, [.. byId.Values.Select(s => s.Doc)]);
        using var max = new NpgsqlCommand("SELECT GREATEST(COALESCE((SELECT MAX(doc) FROM papers), 0) + 1, COALESCE((SELECT value::integer FROM meta WHERE key = 'next_doc'), 1))", c, tx);
        var nextDoc = Convert.ToInt32(max.ExecuteScalar());
        return UpsertPlanner.Plan(incoming,
            p => byId.TryGetValue(p.Id, out var s) ? s : !exactKeys && byKey.TryGetValue(p.TitleKey, out var k) ? k : null,
            found => listings.TryGetValue(found.Doc, out var l) ? found.Paper with { Listings = l } : found.Paper,
            nextDoc, exactKeys);
    }

    private static async Task InsertPapersAsync(NpgsqlConnection c, List<(int Doc, Paper Paper, DocumentLengths Lengths)> rows, CancellationToken ct)
    {
        if (rows.Count == 0) return;
        await using var w = await c.BeginBinaryImportAsync($"COPY papers({PostgresPaperRows.CopyColumns}) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var (doc, paper, lengths) in rows) PostgresPaperRows.Write(w, doc, paper, lengths);
        await w.CompleteAsync(ct);
    }

    private static async Task UpdatePapersAsync(NpgsqlConnection c, NpgsqlTransaction tx, List<(int Doc, Paper Paper, DocumentLengths Lengths)> rows, CancellationToken ct)
    {
        foreach (var chunk in rows.Chunk(500))
        {
            await using var batch = new NpgsqlBatch(c, tx);
            foreach (var (doc, paper, lengths) in chunk)
            {
                var cmd = new NpgsqlBatchCommand($"UPDATE papers SET {PostgresPaperRows.UpdateSet} WHERE doc = @doc");
                PostgresPaperRows.Bind(cmd.Parameters, paper, lengths);
                cmd.Parameters.AddWithValue("doc", doc);
                batch.BatchCommands.Add(cmd);
            }
            await batch.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>Adds the listings of written papers (a listing already stored keeps its position).</summary>
    private static async Task WriteListingsAsync(NpgsqlConnection c, NpgsqlTransaction tx, List<PlannedWrite> writes, CancellationToken ct)
    {
        if (!writes.Any(w => w.Merged.Listings.Count > 0)) return;
        Execute(c, tx, "CREATE TEMP TABLE incoming_listings(doc integer, day date, source text, position integer) ON COMMIT DROP");
        await using (var w = await c.BeginBinaryImportAsync("COPY incoming_listings(doc, day, source, position) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var write in writes)
            {
                var position = 0;
                foreach (var l in write.Merged.Listings)
                {
                    w.StartRow();
                    w.Write(write.Doc, NpgsqlDbType.Integer);
                    w.Write(l.Day, NpgsqlDbType.Date);
                    w.Write(l.Source, NpgsqlDbType.Text);
                    w.Write(write.BatchPosition * 16 + position++, NpgsqlDbType.Integer);
                }
            }
            await w.CompleteAsync(ct);
        }
        Execute(c, tx, "INSERT INTO listings SELECT doc, day, source, position FROM incoming_listings ON CONFLICT DO NOTHING");
    }

    private static async Task WriteVectorsAsync(NpgsqlConnection c, NpgsqlTransaction tx, List<(int Doc, byte[] Vector)> vectors, CancellationToken ct)
    {
        if (vectors.Count == 0) return;
        Execute(c, tx, "CREATE TEMP TABLE IF NOT EXISTS incoming_vectors(doc integer, vector bytea) ON COMMIT DROP");
        Execute(c, tx, "TRUNCATE incoming_vectors");
        await using (var w = await c.BeginBinaryImportAsync("COPY incoming_vectors(doc, vector) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var (doc, vector) in vectors)
            {
                w.StartRow();
                w.Write(doc, NpgsqlDbType.Integer);
                w.Write(vector, NpgsqlDbType.Bytea);
            }
            await w.CompleteAsync(ct);
        }
        Execute(c, tx, "INSERT INTO embeddings(doc, vector) SELECT doc, vector FROM incoming_vectors ON CONFLICT (doc) DO UPDATE SET vector = excluded.vector");
    }

    /// <summary>One writer at a time across every process sharing the database, until the transaction ends.</summary>
    private static async Task LockAsync(NpgsqlConnection c, NpgsqlTransaction tx, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@k)", c, tx);
        cmd.Parameters.AddWithValue("k", PostgresSchema.WriteLock);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private static void SetMeta(NpgsqlConnection c, NpgsqlTransaction tx, params (string Key, string Value)[] values)
    {
        foreach (var (k, v) in values)
        {
            using var cmd = new NpgsqlCommand("INSERT INTO meta(key, value) VALUES (@k, @v) ON CONFLICT (key) DO UPDATE SET value = excluded.value", c, tx);
            cmd.Parameters.AddWithValue("k", k);
            cmd.Parameters.AddWithValue("v", v);
            cmd.ExecuteNonQuery();
        }
    }

    /// <summary>Raises the generation and tells every listening process (delivered when the transaction commits).</summary>
    private static long BumpGeneration(NpgsqlConnection c, NpgsqlTransaction tx)
    {
        using var cmd = new NpgsqlCommand("INSERT INTO meta(key, value) VALUES ('generation', '1') ON CONFLICT (key) DO UPDATE SET value = (meta.value::bigint + 1)::text RETURNING value", c, tx);
        var generation = long.Parse((string)cmd.ExecuteScalar()!);
        using var notify = new NpgsqlCommand("SELECT pg_notify(@channel, @g)", c, tx);
        notify.Parameters.AddWithValue("channel", PostgresSchema.Channel);
        notify.Parameters.AddWithValue("g", generation.ToString());
        notify.ExecuteNonQuery();
        return generation;
    }

    private static void Execute(NpgsqlConnection c, NpgsqlTransaction tx, string sql)
    {
        using var cmd = new NpgsqlCommand(sql, c, tx);
        cmd.ExecuteNonQuery();
    }
}
