using Microsoft.Data.Sqlite;

namespace ResearchBot.Storage;

/// <summary>
/// Opens connections to the store: a file in WAL mode, or a named shared-cache in-memory database kept
/// alive for the factory's lifetime (the in-memory mode for tests and throwaway runs).
/// </summary>
public sealed class SqliteConnectionFactory : IDisposable
{
    private static int _memoryCounter;
    private readonly string _connectionString;
    private readonly SqliteConnection? _keepAlive;

    public SqliteConnectionFactory(StorageOptions options)
    {
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
            if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
            _connectionString = new SqliteConnectionStringBuilder { DataSource = full, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = true }.ToString();
            using var c = new SqliteConnection(_connectionString);
            c.Open();
            Exec(c, "PRAGMA journal_mode=WAL;");
        }
        Description = options.IsInMemory ? "in-memory store" : System.IO.Path.GetFullPath(options.Path);
        using var conn = Open();
        SqliteSchema.Create(conn);
    }

    /// <summary>The file path, or "in-memory store".</summary>
    public string Description { get; }

    public SqliteConnection Open()
    {
        var c = new SqliteConnection(_connectionString);
        c.Open();
        Exec(c, "PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=5000; PRAGMA cache_size=-16384;");
        return c;
    }

    private static void Exec(SqliteConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    public void Dispose() => _keepAlive?.Dispose();
}
