using System.Text.Json;
using ResearchBot.Benchmarks.Synthetic;
using ResearchBot.Papers;

namespace ResearchBot.Cli.Tests;

public sealed class BenchCommandTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Bench_builds_a_synthetic_store_and_reports_every_figure()
    {
        var questions = _cli.Write("q.jsonl", """{"question": "speculative decoding", "relevant": ["x"]}""");
        var kept = Path.Combine(_cli.Folder, "bench.db");
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = await CliApp.RunAsync(["bench", "--papers", "300", "--queries", "5", "--questions", questions, "--json", "--db", kept], new StringReader(""), output, error);

        Assert.Equal(0, code);
        Assert.Empty(error.ToString());
        using var doc = JsonDocument.Parse(output.ToString());
        var root = doc.RootElement;
        Assert.Equal(300, root.GetProperty("syntheticPapers").GetInt32());
        Assert.Equal(262, root.GetProperty("samplePapers").GetInt32());
        Assert.Equal(562, root.GetProperty("papersStored").GetInt32());
        var ingest = root.GetProperty("ingest");
        Assert.True(ingest.GetProperty("papersPerSecond").GetDouble() > 0);
        var search = root.GetProperty("search");
        Assert.Equal(5, search.GetProperty("queries").GetInt32());
        Assert.Equal(questions, search.GetProperty("querySource").GetString());
        Assert.True(search.GetProperty("p50Ms").GetDouble() <= search.GetProperty("p99Ms").GetDouble());
        Assert.True(root.GetProperty("coldStart").GetProperty("inProcessSeconds").GetDouble() > 0);
        Assert.True(root.GetProperty("memory").GetProperty("peakWorkingSetMiB").GetInt64() > 0);
        Assert.True(File.Exists(kept));
    }

    [Fact]
    public async Task Without_questions_bench_times_the_dev_questions_of_this_repository()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = await CliApp.RunAsync(["bench", "--papers", "20", "--queries", "3", "--json", "--db", Path.Combine(_cli.Folder, "bench.db")],
            new StringReader(""), output, error);

        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(output.ToString());
        var source = doc.RootElement.GetProperty("search").GetProperty("querySource").GetString()!;
        Assert.EndsWith(Path.Combine("data", "eval", "dev-questions.jsonl"), source);
        var repository = Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(source)))!;
        Assert.True(File.Exists(Path.Combine(repository, "ResearchBot.sln")), $"{source} is not the repository's own file");
    }

    [Fact]
    public async Task Bench_refuses_to_overwrite_an_existing_store()
    {
        await _cli.RunAsync("ingest", CliRunner.SamplePage(0));

        var result = await _cli.RunAsync("bench", "--papers", "10");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"error: --db {_cli.Db}: already exists; bench builds a new store", Assert.Single(result.ErrorLines));
    }

    [Fact]
    public void Synthetic_papers_are_deterministic_and_drawn_from_the_given_words()
    {
        Paper[] source = [new() { Id = "a", Title = "Sparse attention kernels", Abstract = "We study sparse attention with fused kernels." }];
        var first = Path.Combine(_cli.Folder, "a.jsonl");
        var second = Path.Combine(_cli.Folder, "b.jsonl");

        SyntheticPapers.WriteJsonLines(first, 50, source);
        SyntheticPapers.WriteJsonLines(second, 50, source);

        var lines = File.ReadAllLines(first);
        Assert.Equal(50, lines.Length);
        Assert.Equal(lines, File.ReadAllLines(second));
        var vocabulary = new HashSet<string>(["sparse", "attention", "kernels", "we", "study", "with", "fused"]);
        using var doc = JsonDocument.Parse(lines[7]);
        Assert.Equal("syn.000007", doc.RootElement.GetProperty("id").GetString());
        Assert.Equal("2025-01-08", doc.RootElement.GetProperty("published").GetString());
        var words = doc.RootElement.GetProperty("abstract").GetString()!.TrimEnd('.').Split(' ');
        Assert.InRange(words.Length, 120, 220);
        Assert.All(words, w => Assert.Contains(w.ToLowerInvariant(), vocabulary));
    }
}
