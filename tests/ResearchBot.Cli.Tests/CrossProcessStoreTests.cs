using System.Text.Json;
using ResearchBot.Embeddings;
using ResearchBot.Storage.Postgres;
using ResearchBot.TestSupport.Postgres;

namespace ResearchBot.Cli.Tests;

/// <summary>
/// Several CLI processes on one PostgreSQL store (on the test run's throwaway cluster): a running REPL finds a paper
/// another process ingests without a restart, and two ingests at once lose and duplicate nothing.
/// </summary>
public sealed class CrossProcessStoreTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("rb-xproc-").FullName;
    private readonly Dictionary<string, string?> _settings;
    private readonly string _connectionString;

    public CrossProcessStoreTests()
    {
        _connectionString = PostgresServer.Instance.CreateDatabase("xproc");
        _settings = new()
        {
            ["Storage:Provider"] = "Postgres",
            ["Storage:ConnectionString"] = _connectionString,
            ["Storage:LoadSampleWhenEmpty"] = "false",
        };
    }

    [Fact]
    public async Task A_running_repl_finds_papers_that_other_processes_ingest_and_concurrent_ingests_lose_and_duplicate_nothing()
    {
        await using var repl = CliProcess.Start(_folder, [], _settings);
        await repl.WriteAsync("/search quasar lattice tokenizers\n");
        Assert.True(await repl.WaitForOutputAsync("No papers found among 0", TimeSpan.FromSeconds(60)), "the REPL did not answer the first search: " + repl.Output);

        var single = Write("one.jsonl", [Paper("2611.90001", "Quasar Lattice Tokenizers for Byte-Level Models", "We tokenize bytes on a quasar lattice.")]);
        var ingest = await CliProcess.RunAsync(_folder, ["ingest", single], _settings);
        Assert.True(ingest.ExitCode == 0, ingest.Error);

        // The REPL is never restarted: it follows the store's generation and searches the new paper within seconds.
        var seen = false;
        for (var attempt = 0; attempt < 20 && !seen; attempt++)
        {
            await repl.WriteAsync("/search quasar lattice tokenizers\n");
            seen = await repl.WaitForOutputAsync("Quasar Lattice Tokenizers", TimeSpan.FromMilliseconds(500));
        }
        Assert.True(seen, "the running REPL did not find the paper another process ingested: " + repl.Output);

        // Two ingests at once, 300 papers each, 150 of them in both files (listed on two days).
        var shared = Enumerable.Range(0, 150).Select(i => Paper($"2611.{10000 + i}", $"Zebrafish Shared Study Number {i}", $"Zebrafish shared abstract {i} about regeneration.")).ToList();
        var onlyA = Enumerable.Range(0, 150).Select(i => Paper($"2611.{20000 + i}", $"Zebrafish Study From A Number {i}", $"Zebrafish abstract {i} from the first ingest.")).ToList();
        var onlyB = Enumerable.Range(0, 150).Select(i => Paper($"2611.{30000 + i}", $"Zebrafish Study From B Number {i}", $"Zebrafish abstract {i} from the second ingest.")).ToList();
        var fileA = Write("a.jsonl", [.. shared, .. onlyA]);
        var fileB = Write("b.jsonl", [.. onlyB, .. Enumerable.Reverse(shared)]);
        var results = await Task.WhenAll(
            CliProcess.RunAsync(_folder, ["ingest", fileA, "--date", "2026-11-20"], _settings),
            CliProcess.RunAsync(_folder, ["ingest", fileB, "--date", "2026-11-21"], _settings));
        Assert.All(results, r => Assert.True(r.ExitCode == 0, r.Error));

        using var db = new PostgresDatabase(_connectionString);
        var store = new PostgresPaperStore(db, new OfflineEmbeddingGenerator());
        Assert.Equal(451, await store.CountAsync());
        foreach (var p in shared)
            Assert.Equal([new DateOnly(2026, 11, 20), new DateOnly(2026, 11, 21)], (await store.GetAsync(p["id"]))!.Listings.Select(l => l.Day));
        foreach (var p in onlyA.Concat(onlyB)) Assert.Single((await store.GetAsync(p["id"]))!.Listings);
        var index = new PostgresSearchIndexSource(db).ReadContents();
        Assert.Equal(450, index.DocumentFrequency["zebrafish"]);
        Assert.Equal(450, new PostgresSearchIndexSource(db).ReadPostings("zebrafish")!.Count);
        var stored = store.Find(ResearchBot.Storage.PaperFilter.All, [], 0, 1000);
        Assert.Equal(451, stored.Count);
        Assert.All(stored, p => Assert.NotNull(store.Vectors([p.Doc]).GetValueOrDefault(p.Doc)));

        await repl.WriteAsync("/search zebrafish study from b number 7\n");
        Assert.True(await repl.WaitForOutputAsync("Zebrafish Study From B Number 7", TimeSpan.FromSeconds(20)), repl.Output);
    }

    private static Dictionary<string, string> Paper(string id, string title, string @abstract) =>
        new() { ["id"] = id, ["title"] = title, ["abstract"] = @abstract, ["published"] = "2026-11-19" };

    private string Write(string name, IEnumerable<Dictionary<string, string>> papers)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllLines(path, papers.Select(p => JsonSerializer.Serialize(p)));
        return path;
    }

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
