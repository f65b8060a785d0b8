using System.Text.Json;

namespace ResearchBot.Cli.Tests;

public sealed class StatsCommandTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Json_has_papers_listings_days_and_the_embedding()
    {
        await _cli.RunAsync("ingest", CliRunner.SampleFolder);

        var result = await _cli.RunAsync("stats", "--json");

        Assert.Equal(0, result.ExitCode);
        using var doc = JsonDocument.Parse(Assert.Single(result.OutLines));
        var root = doc.RootElement;
        Assert.Equal(["papers", "listings", "days", "embedding"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(262, root.GetProperty("papers").GetInt32());
        Assert.True(root.GetProperty("listings").GetInt32() >= 262);
        var days = root.GetProperty("days").EnumerateArray().Select(d => d.GetString()!).ToList();
        Assert.NotEmpty(days);
        Assert.All(days, d => Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", d));
        Assert.Equal(days.Order(StringComparer.Ordinal), days);
        var embedding = root.GetProperty("embedding");
        Assert.Equal(["model", "dimensions"], embedding.EnumerateObject().Select(p => p.Name));
        Assert.False(string.IsNullOrEmpty(embedding.GetProperty("model").GetString()));
        Assert.Equal(256, embedding.GetProperty("dimensions").GetInt32());
    }

    [Fact]
    public async Task An_empty_store_is_filled_from_the_sample_corpus()
    {
        var result = await _cli.RunAsync("stats", "--json");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("the store was empty: loaded the bundled sample corpus (262 papers", result.Error);
        using var doc = JsonDocument.Parse(result.Out);
        Assert.Equal(262, doc.RootElement.GetProperty("papers").GetInt32());

        var again = await _cli.RunAsync("stats", "--json");
        Assert.Empty(again.Error);
    }

    [Fact]
    public async Task The_readable_form_names_the_store_and_counts()
    {
        await _cli.RunAsync("ingest", CliRunner.SamplePage(0));

        var result = await _cli.RunAsync("stats");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(_cli.Db, result.Out);
        Assert.Matches(@"papers\s+12\b", result.Out);
    }

    [Fact]
    public async Task Reembed_rebuilds_every_vector()
    {
        await _cli.RunAsync("ingest", CliRunner.SampleFolder);

        var result = await _cli.RunAsync("reembed");

        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"^re-embedded 262 papers with .+ \(256 dimensions\) in \d+\.\d s$", Assert.Single(result.OutLines));
    }
}
