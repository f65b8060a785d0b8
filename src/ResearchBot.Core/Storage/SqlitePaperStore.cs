using Microsoft.Data.Sqlite;
using Microsoft.Extensions.AI;
using ResearchBot.Papers;
using ResearchBot.Retrieval.Index;

namespace ResearchBot.Storage;

/// <summary>
/// The default store: one SQLite file (WAL) holding papers, listings, an FTS5 title index, the lexical index
/// and the embeddings. Every write is one transaction, so a crash or kill mid-write leaves the store as it was (an ingest
/// of a large JSON Lines file is several writes, one per batch: the batches before the crash stay).
/// A thin façade that serializes writes over one class per job: <see cref="BatchDeduper"/> and
/// <see cref="SqliteUpsertPipeline"/> (with <see cref="SqliteUpsertPlanner"/> and <see cref="SqliteEmbedderRecord"/>)
/// for upserts, <see cref="SqliteReembedder"/>, <see cref="SqlitePaperDeleter"/> and <see cref="SqlitePaperQueries"/>.
/// </summary>
public sealed class SqlitePaperStore : IIndexedPaperStore
{
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly SqliteUpsertPipeline _upserts;
    private readonly SqliteReembedder _reembedder;
    private readonly SqlitePaperDeleter _deleter;
    private readonly SqlitePaperQueries _queries;
    private readonly SqlitePaperQuery _records;

    public SqlitePaperStore(SqliteConnectionFactory connections, IEmbeddingGenerator<string, Embedding<float>> embedder, EmbeddingBatchOptions? batching = null)
    {
        Connections = connections;
        var embeddings = new BatchedEmbedder(embedder, batching ?? new());
        _upserts = new SqliteUpsertPipeline(connections, embeddings);
        _reembedder = new SqliteReembedder(connections, embeddings);
        _deleter = new SqlitePaperDeleter(connections);
        _queries = new SqlitePaperQueries(connections);
        _records = new SqlitePaperQuery(connections);
    }

    /// <summary>Where the store lives: its file path, or "in-memory store".</summary>
    public string Description => Connections.Description;

    internal SqliteConnectionFactory Connections { get; }

    public string SystemName => "sqlite";

    public Task<UpsertResult> UpsertAsync(IReadOnlyList<Paper> papers, CancellationToken cancellationToken = default) =>
        UpsertAsync(papers, StoreWriteOptions.Merge, cancellationToken);

    /// <summary>
    /// <see cref="UpsertAsync(IReadOnlyList{Paper}, CancellationToken)"/> with the VectorData collection's options: vectors
    /// given per paper id are stored as they are (no embedder call for those papers), and <see cref="StoreWriteOptions.ExactKeys"/>
    /// makes the upsert a record replace by exact id.
    /// </summary>
    public Task<UpsertResult> UpsertAsync(IReadOnlyList<Paper> papers, StoreWriteOptions write, CancellationToken cancellationToken = default)
    {
        var incoming = write.ExactKeys ? BatchDeduper.LastById(papers) : BatchDeduper.Dedupe(papers);
        return WriteAsync(() => _upserts.WriteAsync(incoming, write, cancellationToken), cancellationToken);
    }

    /// <summary>Re-embeds every paper (see <see cref="IPaperMaintenance.ReembedAsync"/>), then saves the search image.</summary>
    public Task<int> ReembedAsync(IProgress<int>? progress = null, CancellationToken cancellationToken = default) =>
        WriteAsync(async () =>
        {
            var count = await _reembedder.ReembedAsync(progress, cancellationToken);
            SaveSearchImage();
            return count;
        }, cancellationToken);

    /// <summary>Removes papers by id (see <see cref="IPaperMaintenance.DeleteAsync"/>), then saves the search image.</summary>
    public Task<int> DeleteAsync(IEnumerable<string> ids, CancellationToken cancellationToken = default) =>
        WriteAsync(async () =>
        {
            var count = await _deleter.DeleteAsync(ids, cancellationToken);
            if (count > 0) SaveSearchImage();
            return count;
        }, cancellationToken);

    /// <summary>The store size from which <see cref="SaveSearchImageAsync"/> keeps a search image.</summary>
    public const int DefaultSearchImageFrom = 50_000;

    /// <summary>From this many papers on, <see cref="SaveSearchImageAsync"/> keeps a search image (<see cref="SqliteSearchImage"/>).</summary>
    public int SearchImageFrom { get; init; } = DefaultSearchImageFrom;

    public Task<bool> SaveSearchImageAsync(CancellationToken cancellationToken = default) =>
        WriteAsync(() => Task.Run(SaveSearchImage, cancellationToken), cancellationToken);

    /// <summary>
    /// The image only speeds up opening: when it cannot be saved (another process holds the write lock past the busy
    /// timeout, the disk is full) the write it follows still stands, the old image stays stale and search reads the rows.
    /// </summary>
    private bool SaveSearchImage()
    {
        try
        {
            return new SqliteSearchImageWriter(Connections, SearchImageFrom).Save();
        }
        catch (SqliteException)
        {
            return false;
        }
    }

    public Task<Paper?> GetAsync(string id, CancellationToken cancellationToken = default) => _queries.GetAsync(id, cancellationToken);

    public Task<Paper?> FindAsync(string idOrTitle, CancellationToken cancellationToken = default) => _queries.FindAsync(idOrTitle, cancellationToken);

    public Task<IReadOnlyList<Paper>> GetListedOnAsync(DateOnly day, CancellationToken cancellationToken = default) =>
        _queries.GetListedOnAsync(day, cancellationToken);

    public Task<IReadOnlyList<DateOnly>> GetListingDaysAsync(CancellationToken cancellationToken = default) => _queries.GetListingDaysAsync(cancellationToken);

    public Task<int> CountAsync(DateOnly? from = null, DateOnly? to = null, CancellationToken cancellationToken = default) =>
        _queries.CountAsync(from, to, cancellationToken);

    public Task<StoreStats> GetStatsAsync(CancellationToken cancellationToken = default) => _queries.GetStatsAsync(cancellationToken);

    public IReadOnlyList<(int Doc, Paper Paper)> ByIds(IReadOnlyList<string> ids) => _records.ByIds(ids);

    public IReadOnlyList<(int Doc, Paper Paper)> Find(PaperFilter filter, IReadOnlyList<PaperSort> sort, int skip, int top) => _records.Find(filter, sort, skip, top);

    public IReadOnlySet<int> Docs(PaperFilter filter) => _records.Docs(filter);

    public IReadOnlyList<(int Doc, Paper Paper)> GetByDocs(IReadOnlyList<int> docs) => _queries.GetByDocs(docs);

    public IReadOnlyDictionary<int, float[]> Vectors(IEnumerable<int> docs) => _records.Vectors(docs);

    /// <summary>One write at a time in this process (SQLite has one writer; the transaction makes each write all or nothing).</summary>
    private async Task<T> WriteAsync<T>(Func<Task<T>> write, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            return await write();
        }
        finally
        {
            _writeLock.Release();
        }
    }
}
