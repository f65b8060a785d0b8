using System.Text.Json;

namespace ResearchBot.Cli.Tests;

public sealed class IngestCommandTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Ingesting_the_seed_pages_stores_262_papers_and_ends_with_a_summary_line()
    {
        var result = await _cli.RunAsync("ingest", CliRunner.SampleFolder);

        Assert.Equal(0, result.ExitCode);
        Assert.Empty(result.Error);
        var summary = Assert.Single(result.OutLines);
        Assert.Matches(@"^316 parsed: 262 added, \d+ updated, 0 unchanged in \d+\.\d s$", summary);
        Assert.Equal(262, await PaperCountAsync());
    }

    [Fact]
    public async Task Re_ingesting_the_same_pages_changes_nothing()
    {
        await _cli.RunAsync("ingest", CliRunner.SampleFolder);
        var before = (await _cli.RunAsync("stats", "--json")).Out;

        var again = await _cli.RunAsync("ingest", CliRunner.SampleFolder);

        Assert.Equal(0, again.ExitCode);
        Assert.StartsWith("316 parsed: 0 added, 0 updated, 316 unchanged", again.Out);
        Assert.Equal(before, (await _cli.RunAsync("stats", "--json")).Out);
    }

    [Fact]
    public async Task A_bad_file_fails_with_one_line_naming_it_and_the_good_file_is_still_stored()
    {
        var bad = _cli.WriteBytes("broken.bin", [0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0xFF, 0x00]);

        var result = await _cli.RunAsync("ingest", bad, CliRunner.SamplePage(0));

        Assert.Equal(1, result.ExitCode);
        var error = Assert.Single(result.ErrorLines);
        Assert.StartsWith($"error: {bad}: ", error);
        Assert.Contains("12 added", result.Out);
        Assert.Contains("1 source failed", result.Out);
        Assert.Equal(12, await PaperCountAsync());
    }

    [Fact]
    public async Task A_missing_path_is_reported_by_name()
    {
        var missing = Path.Combine(_cli.Folder, "no-such-page.txt");

        var result = await _cli.RunAsync("ingest", missing);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"error: {missing}: no such file or folder", Assert.Single(result.ErrorLines));
    }

    [Theory]
    [InlineData("2026-13-01")]
    [InlineData("28/04/2026")]
    [InlineData("yesterday")]
    public async Task A_bad_date_is_a_one_line_usage_error(string date)
    {
        var result = await _cli.RunAsync("ingest", CliRunner.SamplePage(0), "--date", date);

        Assert.Equal(2, result.ExitCode);
        Assert.Empty(result.Out);
        var error = Assert.Single(result.ErrorLines);
        Assert.Equal($"error: --date '{date}' is not a date: use YYYY-MM-DD, e.g. 2026-11-20", error);
        Assert.False(File.Exists(_cli.Db));
    }

    [Fact]
    public async Task Date_overrides_the_listing_day_of_a_page()
    {
        var result = await _cli.RunAsync("ingest", CliRunner.SamplePage(0), "--date", "2026-11-20");

        Assert.Equal(0, result.ExitCode);
        using var stats = JsonDocument.Parse((await _cli.RunAsync("stats", "--json")).Out);
        var day = Assert.Single(stats.RootElement.GetProperty("days").EnumerateArray());
        Assert.Equal("2026-11-20", day.GetString());
    }

    [Fact]
    public async Task Ingest_does_not_load_the_sample_corpus_first()
    {
        var result = await _cli.RunAsync("ingest", CliRunner.SamplePage(0));

        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain("sample corpus", result.Error);
        Assert.Equal(12, await PaperCountAsync());
    }

    private async Task<int> PaperCountAsync()
    {
        using var stats = JsonDocument.Parse((await _cli.RunAsync("stats", "--json")).Out);
        return stats.RootElement.GetProperty("papers").GetInt32();
    }
}

public sealed class EmbeddingMismatchTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Another_embedder_on_an_existing_store_is_refused_in_one_line()
    {
        await _cli.RunAsync("ingest", CliRunner.SamplePage(0));
        var otherEmbedder = new Dictionary<string, string?>
        {
            ["Embeddings:Provider"] = "OpenAI",
            ["Embeddings:Model"] = "text-embedding-3-small",
            ["Embeddings:ApiKey"] = "test-key",
            ["Embeddings:Endpoint"] = "http://127.0.0.1:9/v1",
        };

        var result = await _cli.RunAsync(["ingest", CliRunner.SamplePage(1)], settings: otherEmbedder);

        Assert.Equal(1, result.ExitCode);
        var error = Assert.Single(result.ErrorLines);
        Assert.StartsWith("error: the store's vectors were made by ", error);
        Assert.Contains("run `reembed`", error);
        var stats = await _cli.RunAsync("stats", "--json");
        Assert.Contains("\"papers\":12,", stats.Out);
    }
}
