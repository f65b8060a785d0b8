using System.Text.Json;

namespace ResearchBot.Cli.Tests;

public sealed class SearchCommandTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Json_output_has_the_query_and_results_with_id_title_score_url_and_published()
    {
        await _cli.RunAsync("ingest", CliRunner.SampleFolder);

        var result = await _cli.RunAsync("search", "KV cache reduction by selecting key tokens", "--json", "--top", "3");

        Assert.Equal(0, result.ExitCode);
        using var doc = JsonDocument.Parse(Assert.Single(result.OutLines));
        var root = doc.RootElement;
        Assert.Equal(["q", "results"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("KV cache reduction by selecting key tokens", root.GetProperty("q").GetString());
        var hits = root.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(3, hits.Count);
        foreach (var hit in hits)
        {
            Assert.Equal(["id", "title", "score", "url", "published"], hit.EnumerateObject().Select(p => p.Name));
            Assert.False(string.IsNullOrEmpty(hit.GetProperty("id").GetString()));
            Assert.InRange(hit.GetProperty("score").GetDouble(), 0, 1);
            Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", hit.GetProperty("published").GetString());
        }
        Assert.Contains(hits, h => h.GetProperty("title").GetString()!.StartsWith("Keyformer", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_a_query_it_answers_each_stdin_line_with_one_json_line_in_order()
    {
        await _cli.RunAsync("ingest", CliRunner.SampleFolder);
        string[] queries = ["speculative decoding for long contexts", "", "voxel transformer for point clouds", "KV cache compression"];

        var result = await _cli.RunAsync(["search", "--top", "2"], string.Join('\n', queries) + "\n");

        Assert.Equal(0, result.ExitCode);
        var lines = result.OutLines;
        Assert.Equal(queries.Length, lines.Length);
        for (var i = 0; i < queries.Length; i++)
        {
            using var doc = JsonDocument.Parse(lines[i]);
            Assert.Equal(queries[i], doc.RootElement.GetProperty("q").GetString());
            Assert.Equal(queries[i].Length == 0 ? 0 : 2, doc.RootElement.GetProperty("results").GetArrayLength());
        }
    }

    [Fact]
    public async Task The_table_lists_rank_score_date_title_and_id()
    {
        await _cli.RunAsync("ingest", CliRunner.SampleFolder);

        var result = await _cli.RunAsync("search", "voxel transformer for point clouds", "--top", "2");

        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"#\s*│\s*score\s*│\s*date\s*│\s*title\s*│\s*id", result.Out);
        Assert.Contains("ScatterFormer", result.Out);
        Assert.Contains("2 of 262 papers", result.Out);
    }

    [Fact]
    public async Task An_empty_store_loads_the_bundled_sample_corpus_first_and_says_so()
    {
        var result = await _cli.RunAsync("search", "speculative decoding", "--json");

        Assert.Equal(0, result.ExitCode);
        var note = Assert.Single(result.ErrorLines);
        Assert.Contains("loaded the bundled sample corpus (262 papers", note);
        using var doc = JsonDocument.Parse(Assert.Single(result.OutLines));
        Assert.Equal(10, doc.RootElement.GetProperty("results").GetArrayLength());
    }

    [Fact]
    public async Task Sample_loading_can_be_turned_off()
    {
        var result = await _cli.RunAsync(["stats", "--json"], settings: new Dictionary<string, string?> { ["Storage:LoadSampleWhenEmpty"] = "false" });

        Assert.Equal(0, result.ExitCode);
        Assert.Empty(result.Error);
        using var doc = JsonDocument.Parse(result.Out);
        Assert.Equal(0, doc.RootElement.GetProperty("papers").GetInt32());
    }

    [Theory]
    [InlineData(new[] { "search", "q", "--top", "0" }, "error: --top must be between 1 and 100")]
    [InlineData(new[] { "search", "q", "--from", "2026-02-30" }, "error: --from '2026-02-30' is not a date: use YYYY-MM-DD, e.g. 2026-11-20")]
    [InlineData(new[] { "search", "q", "--from", "2026-05-01", "--to", "2026-04-01" }, "error: --from 2026-05-01 is after --to 2026-04-01")]
    [InlineData(new[] { "search", "--bogus" }, "error: unknown option '--bogus'")]
    public async Task Usage_mistakes_give_one_error_line_and_exit_code_2(string[] args, string expected)
    {
        var result = await _cli.RunAsync(args);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(expected, Assert.Single(result.ErrorLines));
        Assert.Empty(result.Out);
    }

    [Fact]
    public async Task A_bad_configuration_value_is_one_line_without_a_stack_trace()
    {
        var result = await _cli.RunAsync(["search", "q"], settings: new Dictionary<string, string?> { ["Embeddings:Provider"] = "Nonsense" });

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("error: configuration: Embeddings:Provider 'Nonsense' is not one of Offline, OpenAI, Ollama", Assert.Single(result.ErrorLines));
    }

    [Fact]
    public async Task A_store_path_that_cannot_be_opened_is_one_line()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = await CliApp.RunAsync(["stats", "--db", _cli.Folder], new StringReader(""), output, error);

        Assert.Equal(1, code);
        Assert.StartsWith("error: store: ", Assert.Single(error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)));
    }
}
