using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.AI;
using ResearchBot.Embeddings;
using ResearchBot.Papers;
using ResearchBot.Retrieval.Lexical;
using ResearchBot.Text.Analysis;

namespace ResearchBot.Storage;

/// <summary>
/// The default store: one SQLite file (WAL) holding papers, listings, an FTS5 title index, the lexical index
/// and the embeddings. Every upsert is one transaction, so a crash or kill mid-ingest leaves the store as it was.
/// </summary>
public sealed class SqlitePaperStore(SqliteConnectionFactory connections, IEmbeddingGenerator<string, Embedding<float>> embedder, EmbeddingBatchOptions? batching = null) : IPaperStore, IPaperMaintenance
{
    private const int ChunkSize = 4096;
    private readonly EmbeddingBatchOptions _batching = batching ?? new();
    private readonly SemaphoreSlim _writeLock = new(1, 1);

    /// <summary>Where the store lives: its file path, or "in-memory store".</summary>
    public string Description => connections.Description;

    internal SqliteConnectionFactory Connections => connections;

    public Task<UpsertResult> UpsertAsync(IReadOnlyList<Paper> papers, CancellationToken cancellationToken = default) =>
        UpsertAsync(papers, StoreWriteOptions.Merge, cancellationToken);

    /// <summary>
    /// <see cref="UpsertAsync(IReadOnlyList{Paper}, CancellationToken)"/> with the VectorData collection's options: vectors
    /// given per paper id are stored as they are (no embedder call for those papers), and <see cref="StoreWriteOptions.ExactKeys"/>
    /// makes the upsert a record replace by exact id.
    /// </summary>
    internal async Task<UpsertResult> UpsertAsync(IReadOnlyList<Paper> papers, StoreWriteOptions write, CancellationToken cancellationToken = default)
    {
        var incoming = write.ExactKeys ? LastById(papers) : DedupeBatch(papers);
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
            CheckGivenVectors(write.Vectors, dims ?? stored?.Dimensions);

            var plan = Plan(c, tx, incoming, write.ExactKeys);
            var writer = new PaperWriter(c, tx);
            var removed = new List<(int, DocumentTerms)>();
            var added = new PostingsBuilder();
            int addedCount = 0, updatedCount = 0, unchangedCount = 0;
            // Analysis and embedding of the next chunk run while this chunk is written: the two cores overlap
            // CPU work (or a remote embedder's round trips) with SQLite's single-threaded writes.
            var chunks = plan.Chunk(ChunkSize).ToList();
            var next = chunks.Count > 0 ? PrepareAsync(chunks[0], added, write.Vectors, cancellationToken) : null;
            var vectorsOnly = 0;
            try
            {
            for (var n = 0; n < chunks.Count; n++)
            {
                var (changed, terms, vectors, given) = await next!;
                next = n + 1 < chunks.Count ? PrepareAsync(chunks[n + 1], added, write.Vectors, cancellationToken) : null;
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
                // Given vectors of papers whose text did not change (so were not re-embedded) replace the stored ones.
                foreach (var (doc, vector) in given) writer.WriteVector(doc, vector);
                vectorsOnly += given.Count;
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
            if (removed.Count > 0 || added.Count > 0) SqliteLexicalIndexWriter.Apply(c, tx, removed, added);
            if (addedCount + updatedCount + vectorsOnly > 0)
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
    private Task<(List<PlannedWrite> Changed, DocumentTerms[] Terms, List<byte[]> Vectors, List<(int Doc, byte[] Vector)> Given)> PrepareAsync(
        PlannedWrite[] chunk, PostingsBuilder added, IReadOnlyDictionary<string, ReadOnlyMemory<float>>? given, CancellationToken ct) =>
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
            if (given is null || given.Count == 0)
            {
                var vectors = await EmbedAsync([.. reindex.Select(x => PaperEmbeddingText.Of(x.Merged))], ct);
                return (changed, terms, vectors.ConvertAll(v => VectorCodec.Encode(v)), new List<(int, byte[])>());
            }
            // Papers that come with a vector keep it; only the others are sent to the embedder.
            var missing = reindex.Where(w => !given.ContainsKey(w.Merged.Id)).ToList();
            var made = await EmbedAsync([.. missing.Select(x => PaperEmbeddingText.Of(x.Merged))], ct);
            var m = 0;
            var encoded = reindex.ConvertAll(w => given.TryGetValue(w.Merged.Id, out var v) ? VectorCodec.Encode(v.Span) : VectorCodec.Encode(made[m++]));
            var others = chunk.Where(w => !w.TextChanged || w.Unchanged).Where(w => given.ContainsKey(w.Merged.Id))
                .Select(w => (w.Doc, VectorCodec.Encode(given[w.Merged.Id].Span))).ToList();
            return (changed, terms, encoded, others);
        }, ct);

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
                while (r.Read()) rows.Add((r.GetInt32(0), PaperEmbeddingText.Of(r.GetString(1), r.GetString(2))));
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
                SqliteLexicalIndexWriter.Apply(c, tx, removed, new PostingsBuilder());
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

    public Task<Paper?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        using var c = connections.Open();
        using var cmd = Command(c, null, $"SELECT {PaperRows.Columns} FROM papers WHERE id = $id OR title_key = $key LIMIT 1");
        cmd.Parameters.AddWithValue("$id", id);
        cmd.Parameters.AddWithValue("$key", TitleKey.Of(id));
        return Task.FromResult(ReadPapers(c, cmd).FirstOrDefault());
    }

    /// <summary>Papers by their document numbers (the lexical and vector indexes' ordinals), in the given order.</summary>
    internal IReadOnlyList<(int Doc, Paper Paper)> GetByDocs(IReadOnlyList<int> docs)
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

    private List<PlannedWrite> Plan(SqliteConnection c, SqliteTransaction tx, IReadOnlyList<Paper> incoming, bool exactKeys = false)
    {
        using var count = Command(c, tx, "SELECT EXISTS(SELECT 1 FROM papers)");
        var empty = Convert.ToInt64(count.ExecuteScalar()) == 0;
        using var find = Command(c, tx, exactKeys ? $"SELECT {PaperRows.Columns}, title_len, abstract_len FROM papers WHERE id = $id AND $key IS NOT NULL"
            : $"SELECT {PaperRows.Columns}, title_len, abstract_len FROM papers WHERE id = $id OR title_key = $key ORDER BY (id = $id) DESC LIMIT 1");
        // Document numbers only grow (a deleted paper's number is never given to another: readers may still hold it).
        using var max = Command(c, tx, "SELECT MAX(COALESCE((SELECT MAX(doc) FROM papers), 0) + 1, COALESCE((SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'next_doc'), 1))");
        var nextDoc = Convert.ToInt32(max.ExecuteScalar());
        var plan = new List<PlannedWrite>(incoming.Count);
        var plannedDocs = new Dictionary<int, int>();
        for (var i = 0; i < incoming.Count; i++)
        {
            var p = incoming[i];
            if (!empty)
            {
                find.Parameters.Clear();
                find.Parameters.AddWithValue("$id", p.Id);
                find.Parameters.AddWithValue("$key", p.TitleKey);
                (int Doc, Paper Paper)? row = null;
                DocumentLengths lengths = default;
                using (var r = find.ExecuteReader())
                    if (r.Read()) { row = PaperRows.Read(r); lengths = new DocumentLengths(r.GetInt32(11), r.GetInt32(12)); }
                // A generic title ("Technical Report") shared by two papers with different arXiv ids is not one paper.
                if (row is { } candidate && candidate.Paper.Id != p.Id && DistinctArxivIds(candidate.Paper, p)) row = null;
                if (row is { } found)
                {
                    // Two records of the batch can reach the same stored paper (one by id, one by title key): merge both into one write.
                    var earlier = plannedDocs.TryGetValue(found.Doc, out var k) ? plan[k] : null;
                    var existing = earlier?.Existing ?? PaperRows.WithListings(c, tx, [found])[0];
                    // A record replace keeps only the listings (store-kept, not record fields); a merge lets the richer value win.
                    var merged = exactKeys ? p with { Listings = [.. existing.Listings.Union(p.Listings).OrderBy(l => l.Day).ThenBy(l => l.Source, StringComparer.Ordinal)] }
                        : PaperMerger.Merge(earlier?.Merged ?? existing, p);
                    var unchanged = PaperMerger.SameContent(existing, merged);
                    var textChanged = merged.Title != existing.Title || merged.Abstract != existing.Abstract;
                    var write = new PlannedWrite(merged, existing, found.Doc, earlier?.BatchPosition ?? i, unchanged, textChanged, lengths);
                    if (earlier is null) { plannedDocs[found.Doc] = plan.Count; plan.Add(write); }
                    else plan[k] = write;
                    continue;
                }
            }
            plan.Add(new PlannedWrite(p, null, nextDoc++, i, false, true, default));
        }
        return plan;
    }

    /// <summary>A record replace: of several records with one id, the last wins.</summary>
    private static List<Paper> LastById(IReadOnlyList<Paper> papers)
    {
        var last = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < papers.Count; i++) last[papers[i].Id] = i;
        return [.. papers.Where((p, i) => last[p.Id] == i)];
    }

    /// <summary>Given vectors must have the store's dimensions (the embedder's, else the stored vectors'), else all the same.</summary>
    private static void CheckGivenVectors(IReadOnlyDictionary<string, ReadOnlyMemory<float>>? given, int? dimensions)
    {
        if (given is null) return;
        foreach (var (id, vector) in given)
        {
            dimensions ??= vector.Length;
            if (vector.Length != dimensions)
                throw new ArgumentException($"record '{id}': its embedding has {vector.Length} dimensions, the store's vectors have {dimensions}");
        }
    }

    private static List<Paper> DedupeBatch(IReadOnlyList<Paper> papers)
    {
        var byKey = new Dictionary<string, int>(StringComparer.Ordinal);
        var byId = new Dictionary<string, int>(StringComparer.Ordinal);
        var result = new List<Paper?>(papers.Count);
        foreach (var p in papers)
        {
            var hasKey = byKey.TryGetValue(p.TitleKey, out var byKeyAt) && !DistinctArxivIds(result[byKeyAt]!, p);
            var hasId = byId.TryGetValue(p.Id, out var byIdAt);
            if (!hasKey && !hasId)
            {
                byKey[p.TitleKey] = byId[p.Id] = result.Count;
                result.Add(p);
                continue;
            }
            // The record may join two earlier ones (same key as one, same id as another): they are all one paper.
            var target = hasKey && hasId ? Math.Min(byKeyAt, byIdAt) : hasKey ? byKeyAt : byIdAt;
            var merged = PaperMerger.Merge(result[target]!, p);
            var other = hasKey && hasId && byKeyAt != byIdAt ? Math.Max(byKeyAt, byIdAt) : -1;
            if (other >= 0)
            {
                merged = PaperMerger.Merge(merged, result[other]!);
                result[other] = null;
                foreach (var map in new[] { byKey, byId })
                    foreach (var name in map.Where(e => e.Value == other).Select(e => e.Key).ToList()) map[name] = target;
            }
            result[target] = merged;
            byKey[p.TitleKey] = byId[p.Id] = byKey[merged.TitleKey] = byId[merged.Id] = target;
        }
        return [.. result.OfType<Paper>()];
    }

    /// <summary>True when both records carry arXiv ids and they differ: then a shared title key does not make them one paper.</summary>
    private static bool DistinctArxivIds(Paper a, Paper b) =>
        PaperId.TryArxiv(a.Id) is { } x && PaperId.TryArxiv(b.Id) is { } y && x != y;

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

    /// <summary>How a write treats the papers given: vectors given per paper id, and whether records replace by exact id instead of merging.</summary>
    internal sealed record StoreWriteOptions(IReadOnlyDictionary<string, ReadOnlyMemory<float>>? Vectors, bool ExactKeys)
    {
        public static readonly StoreWriteOptions Merge = new(null, false);
    }

    private sealed record PlannedWrite(Paper Merged, Paper? Existing, int Doc, int BatchPosition, bool Unchanged, bool TextChanged, DocumentLengths ExistingLengths);
}

/// <summary>How texts are sent to the embedder (section <c>Embeddings</c>).</summary>
public sealed class EmbeddingBatchOptions
{
    /// <summary>Texts per embedding request.</summary>
    public int BatchSize { get; set; } = 256;
}
