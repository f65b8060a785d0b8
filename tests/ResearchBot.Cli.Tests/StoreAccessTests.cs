using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace ResearchBot.Cli.Tests;

/// <summary>
/// Read-only verbs open the store read-only: they do not wait for a writer, they see the last committed state, they read
/// a read-only file; and only <c>ingest</c> creates a store in a folder that does not exist.
/// </summary>
public sealed class StoreAccessTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose()
    {
        foreach (var f in Directory.GetFiles(_cli.Folder)) File.SetAttributes(f, FileAttributes.Normal);
        _cli.Dispose();
    }

    private static async Task<CliResult> RunAsync(string db, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CliApp.RunAsync([.. args, "--db", db], new StringReader(""), output, error);
        return new CliResult(code, output.ToString(), error.ToString());
    }

    [Theory]
    [InlineData("search", "attention")]
    [InlineData("stats")]
    [InlineData("ask", "what is attention?")]
    [InlineData("digest")]
    [InlineData("repl")]
    [InlineData("eval")]
    [InlineData("reembed")]
    public async Task A_store_in_a_missing_folder_is_refused_and_nothing_is_created(params string[] args)
    {
        var folder = Path.Combine(_cli.Folder, "no-such-folder");
        if (args is ["eval"]) args = ["eval", _cli.Write("questions.jsonl", "{\"q\": \"attention\", \"gold\": [\"Attention Is All You Need\"]}\n")];

        var result = await RunAsync(Path.Combine(folder, "papers.db"), args);

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.Equal($"error: store: the folder '{folder}' of '{Path.Combine(folder, "papers.db")}' does not exist (only `ingest` creates a store in a new folder)", line);
        Assert.False(Directory.Exists(folder));
    }

    [Fact]
    public async Task Ingest_creates_a_store_in_a_new_folder()
    {
        var db = Path.Combine(_cli.Folder, "new", "deeper", "papers.db");

        var result = await RunAsync(db, "ingest", CliRunner.SamplePage(0));

        Assert.Equal(0, result.ExitCode);
        Assert.True(File.Exists(db));
    }

    [Fact]
    public async Task Readers_answer_from_the_committed_state_while_a_writer_holds_the_lock()
    {
        await _cli.RunAsync("ingest", CliRunner.SampleFolder);
        using var writer = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _cli.Db, Pooling = false }.ToString());
        writer.Open();
        using var tx = writer.BeginTransaction();
        using (var cmd = writer.CreateCommand())
        {
            cmd.Transaction = tx;
            cmd.CommandText = "DELETE FROM listings; UPDATE papers SET title = 'Uncommitted'";
            cmd.ExecuteNonQuery();
        }

        // Before: each of these waited 30 s for the lock and failed with "database is locked".
        var stats = await _cli.RunAsync("stats", "--json");
        var search = await _cli.RunAsync("search", "KV cache key tokens", "--json");
        var ask = await _cli.RunAsync("ask", "Which papers reduce the KV cache?");

        Assert.Equal(0, stats.ExitCode);
        using (var doc = JsonDocument.Parse(stats.Out)) Assert.Equal(262, doc.RootElement.GetProperty("papers").GetInt32());
        Assert.Equal(0, search.ExitCode);
        Assert.Contains("Keyformer", search.Out);
        Assert.DoesNotContain("Uncommitted", search.Out);
        Assert.Equal(0, ask.ExitCode);
        Assert.Contains("Keyformer", ask.Out);
        tx.Rollback();
    }

    [Fact]
    public async Task A_read_only_store_file_can_be_searched()
    {
        await _cli.RunAsync("ingest", CliRunner.SampleFolder);
        SqliteConnection.ClearAllPools();
        var before = File.ReadAllBytes(_cli.Db);
        File.SetAttributes(_cli.Db, FileAttributes.ReadOnly);

        var search = await _cli.RunAsync("search", "speculative decoding");
        var stats = await _cli.RunAsync("stats");

        Assert.Equal(0, search.ExitCode);
        Assert.Empty(search.Error);
        Assert.Contains("Speculative", search.Out, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, stats.ExitCode);
        SqliteConnection.ClearAllPools();
        Assert.Equal(before, File.ReadAllBytes(_cli.Db));
    }

    [Fact]
    public async Task An_empty_store_file_is_still_filled_from_the_sample_by_a_reader()
    {
        var result = await _cli.RunAsync("search", "speculative decoding");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("loaded the bundled sample corpus (262 papers", result.Error);
    }
}
