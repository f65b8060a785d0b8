using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace ResearchBot.TestSupport.Postgres;

/// <summary>
/// A throwaway PostgreSQL cluster for one test run: initdb in a temporary folder, started with pg_ctl on a free
/// loopback port (as the postgres user when the tests run as root), stopped and deleted when the test process ends.
/// Each test takes a fresh database from it. A machine without the server binaries fails the tests that need them
/// with a message saying how to install them: these tests never skip.
/// </summary>
public sealed class PostgresServer
{
    private static readonly Lazy<PostgresServer> Shared = new(() => new PostgresServer(), LazyThreadSafetyMode.ExecutionAndPublication);
    private static int _databases;
    private readonly string _bin;
    private readonly string _root;
    private readonly string _data;
    private readonly bool _asPostgresUser;

    /// <summary>The cluster of this test run, started on first use.</summary>
    public static PostgresServer Instance => Shared.Value;

    public int Port { get; }

    /// <summary>The folder of the Unix socket (and of the cluster).</summary>
    public string Root => _root;

    private PostgresServer()
    {
        _bin = FindBinaries() ?? throw new InvalidOperationException(
            "PostgreSQL server binaries (initdb, pg_ctl, postgres) were not found on PATH nor in /usr/lib/postgresql/*/bin: " +
            "install PostgreSQL 15 (apt-get install postgresql; .ci/run does this) to run the PostgreSQL storage tests");
        _asPostgresUser = Environment.UserName == "root";
        _root = Path.Combine(Path.GetTempPath(), "researchbot-pg-" + Guid.NewGuid().ToString("N")[..12]);
        _data = Path.Combine(_root, "data");
        Directory.CreateDirectory(_root);
        if (_asPostgresUser) Run("chown", "postgres", _root);
        Port = FreePort();
        RunTool("initdb", "-D", _data, "-U", "postgres", "--auth=trust", "--no-sync", "-E", "UTF8", "--locale=C");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Stop();
        StartWatchdog();
        RunTool("pg_ctl", "-D", _data, "-l", Path.Combine(_root, "server.log"), "-w", "-t", "60",
            "-o", $"-p {Port} -k {_root} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200", "start");
    }

    /// <summary>The connection string of the maintenance database.</summary>
    public string AdminConnectionString => Connection("postgres");

    /// <summary>A connection string to <paramref name="database"/> on this cluster.</summary>
    public string Connection(string database) =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = Port, Username = "postgres", Database = database, Pooling = true, Timeout = 30 }.ConnectionString;

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public string CreateDatabase(string prefix = "test")
    {
        var name = $"{prefix}_{Environment.ProcessId}_{Interlocked.Increment(ref _databases)}";
        using var c = new NpgsqlConnection(AdminConnectionString);
        c.Open();
        using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", c);
        cmd.ExecuteNonQuery();
        return Connection(name);
    }

    private void Stop()
    {
        try { RunTool("pg_ctl", "-D", _data, "-m", "immediate", "-w", "stop"); } catch (Exception) { }
        // The server may still be letting go of its files for a moment after it stopped.
        for (var attempt = 0; attempt < 10 && Directory.Exists(_root); attempt++)
        {
            try { Directory.Delete(_root, recursive: true); }
            catch (Exception) { Thread.Sleep(200); }
        }
    }

    /// <summary>
    /// A detached shell that stops the cluster and deletes its folder once this test process is gone, however it ends
    /// (the test host may be killed before its exit handlers finish).
    /// </summary>
    private void StartWatchdog()
    {
        var stop = (_asPostgresUser ? "runuser -u postgres -- " : "") + $"'{Path.Combine(_bin, "pg_ctl")}' -D '{_data}' -m immediate -w stop";
        var script = $"while kill -0 {Environment.ProcessId} 2>/dev/null; do sleep 1; done; {stop} >/dev/null 2>&1; rm -rf '{_root}'";
        var psi = new ProcessStartInfo("setsid") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "sh", "-c", script }) psi.ArgumentList.Add(a);
        Process.Start(psi)?.Dispose();
    }

    private void RunTool(string tool, params string[] args)
    {
        var path = Path.Combine(_bin, tool);
        if (_asPostgresUser) Run("runuser", ["-u", "postgres", "--", path, .. args]);
        else Run(path, args);
    }

    private static void Run(string file, params string[] args)
    {
        var psi = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi) ?? throw new InvalidOperationException($"could not start {file}");
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(120_000)) { p.Kill(true); throw new InvalidOperationException($"{file} {string.Join(' ', args)} did not finish in 2 minutes"); }
        if (p.ExitCode != 0)
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed ({p.ExitCode}): {stderr.Result}{stdout.Result}");
    }

    private static string? FindBinaries()
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            if (File.Exists(Path.Combine(dir, "initdb")) && File.Exists(Path.Combine(dir, "pg_ctl")))
                return Path.GetDirectoryName(new FileInfo(Path.Combine(dir, "initdb")).ResolveLinkTarget(true)?.FullName ?? Path.Combine(dir, "initdb"));
        if (!Directory.Exists("/usr/lib/postgresql")) return null;
        return Directory.GetDirectories("/usr/lib/postgresql")
            .Select(d => Path.Combine(d, "bin"))
            .Where(b => File.Exists(Path.Combine(b, "initdb")))
            .OrderByDescending(b => int.TryParse(Path.GetFileName(Path.GetDirectoryName(b)), out var v) ? v : 0)
            .FirstOrDefault();
    }

    private static int FreePort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        var port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }
}
