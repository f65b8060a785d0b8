using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace ResearchBot.Storage.Postgres;

/// <summary>
/// One PostgreSQL store shared by several processes: the connection pool, the schema (created on first open), and the
/// store's generation as this process knows it, kept current by LISTEN/NOTIFY (with a direct read whenever the
/// listening connection is down, so a missed notification can only delay, never hide, another process's write).
/// </summary>
public sealed class PostgresDatabase : IDisposable
{
    private static readonly TimeSpan Recheck = TimeSpan.FromSeconds(30);
    private readonly NpgsqlDataSource _source;
    private readonly string _connectionString;
    private readonly ILogger _log;
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _gate = new();
    private Task? _follower;
    private long _generation;
    private volatile bool _following;

    public PostgresDatabase(string connectionString, ILogger<PostgresDatabase>? log = null)
    {
        _connectionString = connectionString;
        _log = (ILogger?)log ?? NullLogger.Instance;
        _source = NpgsqlDataSource.Create(connectionString);
        Description = PostgresConnectionCheck.Describe(connectionString);
        using (Open()) { }
        PostgresSchema.Create(_source);
    }

    /// <summary>Host, port and database (never the password).</summary>
    public string Description { get; }

    /// <summary>A pooled connection; a server that cannot be reached is a <see cref="StoreUnavailableException"/>.</summary>
    public NpgsqlConnection Open()
    {
        try
        {
            return _source.OpenConnection();
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            throw new StoreUnavailableException(Description, e.Message, e);
        }
    }

    /// <summary>The store's generation: from notifications while listening, else read now.</summary>
    public long CurrentGeneration()
    {
        EnsureFollowing();
        return _following ? Interlocked.Read(ref _generation) : Observe(ReadGeneration());
    }

    /// <summary>Records a generation this process committed or read (generations only grow).</summary>
    internal long Observe(long generation)
    {
        long seen;
        while ((seen = Interlocked.Read(ref _generation)) < generation && Interlocked.CompareExchange(ref _generation, generation, seen) != seen) { }
        return Math.Max(seen, generation);
    }

    internal long ReadGeneration()
    {
        using var c = Open();
        return ReadGeneration(c, null);
    }

    internal static long ReadGeneration(NpgsqlConnection c, NpgsqlTransaction? tx)
    {
        using var cmd = new NpgsqlCommand("SELECT value FROM meta WHERE key = 'generation'", c, tx);
        return cmd.ExecuteScalar() is string s ? long.Parse(s) : 0;
    }

    private void EnsureFollowing()
    {
        if (_follower is not null) return;
        lock (_gate) _follower ??= Task.Run(() => FollowAsync(_stop.Token));
    }

    /// <summary>Listens for committed writes on a dedicated connection; reconnects after a failure.</summary>
    private async Task FollowAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await using var c = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_connectionString) { Pooling = false, KeepAlive = 10 }.ConnectionString);
                await c.OpenAsync(stop);
                c.Notification += (_, e) => { if (long.TryParse(e.Payload, out var g)) Observe(g); };
                await using (var listen = new NpgsqlCommand($"LISTEN {PostgresSchema.Channel}", c)) await listen.ExecuteNonQueryAsync(stop);
                // Listening first, then reading: no write can fall between the two unseen.
                Observe(ReadGeneration(c, null));
                _following = true;
                while (!stop.IsCancellationRequested)
                    if (!await c.WaitAsync(Recheck, stop)) Observe(ReadGeneration(c, null));
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested) { return; }
            catch (Exception e)
            {
                _following = false;
                _log.LogWarning("Lost the store's change notifications ({Reason}); reading the generation directly until they are back", e.Message);
                try { await Task.Delay(TimeSpan.FromSeconds(1), stop); } catch (OperationCanceledException) { return; }
            }
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        try { _follower?.Wait(TimeSpan.FromSeconds(2)); } catch (AggregateException) { }
        _source.Dispose();
        _stop.Dispose();
    }
}
