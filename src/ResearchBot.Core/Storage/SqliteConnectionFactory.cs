using Microsoft.Data.Sqlite;

namespace ResearchBot.Storage;

/// <summary>
/// Opens connections to the store: a file in WAL mode, or a named shared-cache in-memory database kept
/// alive for the factory's lifetime (the in-memory mode for tests and throwaway runs). With
/// <see cref="StoreAccess.ReadOnly"/> an existing store with papers is opened read-only and never written.
/// </summary>
public sealed class SqliteConnectionFactory : IDisposable
{
    private static int _memoryCounter;
    private readonly string _connectionString;
    private readonly SqliteConnection? _keepAlive;

    public SqliteConnectionFactory(StorageOptions options, StoreAccess? access = null)
    {
        access ??= StoreAccess.Writer;
        if (options.IsInMemory)
        {
            var name = $"researchbot-{Environment.ProcessId}-{Interlocked.Increment(ref _memoryCounter)}";
            _connectionString = new SqliteConnectionStringBuilder { DataSource = name, Mode = SqliteOpenMode.Memory, Cache = SqliteCacheMode.Shared }.ToString();
            _keepAlive = new SqliteConnection(_connectionString);
            _keepAlive.Open();
        }
        else
        {
            var full = System.IO.Path.GetFullPath(options.Path);
            var dir = System.IO.Path.GetDirectoryName(full);
            if (!string.IsNullOrEmpty(dir) && !Directory.Exists(dir))
            {
                if (!access.MayCreateFolder) throw new StoreNotFoundException(full, dir);
                Directory.CreateDirectory(dir);
            }
            if (access.ReadOnly && ReadOnlyConnectionString(full) is { } readOnly)
            {
                _connectionString = readOnly;
                IsReadOnly = true;
            }
            else
            {
                _connectionString = new SqliteConnectionStringBuilder { DataSource = full, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = true }.ToString();
                using var c = new SqliteConnection(_connectionString);
                c.Open();
                Exec(c, "PRAGMA busy_timeout=5000; PRAGMA journal_mode=WAL;");
            }
        }
        Description = options.IsInMemory ? "in-memory store" : System.IO.Path.GetFullPath(options.Path);
        if (IsReadOnly) return;
        using var conn = Open();
        SqliteSchema.Create(conn);
    }

    /// <summary>The file path, or "in-memory store".</summary>
    public string Description { get; }

    /// <summary>True for the in-memory store (one shared cache), false for a file.</summary>
    public bool IsInMemory => _keepAlive is not null;

    /// <summary>True when connections are read-only (a reader over a store that holds papers).</summary>
    public bool IsReadOnly { get; }

    private const string ConnectionPragmas = "PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=5000; PRAGMA cache_size=-16384;";

    public SqliteConnection Open()
    {
        var c = new SqliteConnection(_connectionString);
        c.Open();
        Exec(c, ConnectionPragmas);
        return c;
    }

    private readonly System.Collections.Concurrent.ConcurrentBag<SqliteConnection> _readers = [];
    private volatile bool _disposed;

    /// <summary>
    /// An open, configured connection for reads outside a transaction (search's per-query reads), returned to a small
    /// set of idle connections when the lease is disposed, so a query does not pay for opening and configuring one.
    /// </summary>
    public ReadLease Read() => new(this, _readers.TryTake(out var c) ? c : Open());

    private void Return(SqliteConnection c)
    {
        if (_disposed || _readers.Count >= 2 * Environment.ProcessorCount || c.State != System.Data.ConnectionState.Open) c.Dispose();
        else _readers.Add(c);
        if (_disposed) DisposeReaders();
    }

    private void DisposeReaders()
    {
        while (_readers.TryTake(out var c)) c.Dispose();
    }

    /// <summary>A connection leased by <see cref="Read"/>; disposing it gives it back.</summary>
    public readonly struct ReadLease(SqliteConnectionFactory owner, SqliteConnection connection) : IDisposable
    {
        public SqliteConnection Connection => connection;

        public SqliteCommand CreateCommand() => connection.CreateCommand();

        public void Dispose() => owner.Return(connection);
    }

    /// <summary><see cref="Open"/> through the driver's async API, giving up when <paramref name="cancellationToken"/> fires.</summary>
    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var c = new SqliteConnection(_connectionString);
        try
        {
            await c.OpenAsync(cancellationToken);
            using var cmd = c.CreateCommand();
            cmd.CommandText = ConnectionPragmas;
            await cmd.ExecuteNonQueryAsync(cancellationToken);
            return c;
        }
        catch
        {
            await c.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// A read-only connection string for <paramref name="path"/> when it is a store with at least one paper, else null (a new or
    /// empty store is created and filled as a writer). In a folder nobody may write, where SQLite cannot create the WAL index,
    /// the file is opened as immutable.
    /// </summary>
    private static string? ReadOnlyConnectionString(string path)
    {
        if (!File.Exists(path) || new FileInfo(path).Length == 0) return null;
        var readOnly = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = true }.ToString();
        try
        {
            return HoldsPapers(readOnly) ? readOnly : null;
        }
        catch (SqliteException e) when (e.SqliteErrorCode is 8 or 14) // SQLITE_READONLY, SQLITE_CANTOPEN: no WAL index can be made
        {
            var immutable = new SqliteConnectionStringBuilder { DataSource = new Uri(path).AbsoluteUri + "?immutable=1", Mode = SqliteOpenMode.ReadOnly, Pooling = true }.ToString();
            return HoldsPapers(immutable) ? immutable : null;
        }
    }

    private static bool HoldsPapers(string readOnlyConnectionString)
    {
        using var c = new SqliteConnection(readOnlyConnectionString);
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'papers'";
        if (Convert.ToInt64(cmd.ExecuteScalar()) == 0) return false;
        cmd.CommandText = "SELECT EXISTS(SELECT 1 FROM papers)";
        return Convert.ToInt64(cmd.ExecuteScalar()) != 0;
    }

    private static void Exec(SqliteConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    public void Dispose()
    {
        _disposed = true;
        DisposeReaders();
        _keepAlive?.Dispose();
    }
}
