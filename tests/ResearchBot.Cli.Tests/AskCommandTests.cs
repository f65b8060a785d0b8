using System.Text.Json;
using ResearchBot.TestSupport.OpenAi;

namespace ResearchBot.Cli.Tests;

public sealed class AskCommandTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Offline_the_answer_is_bullets_and_the_no_model_notice_is_a_one_line_footer_but_not_in_json()
    {
        const string question = "Which papers study KV cache compression? What about their memory cost?";

        var plain = await _cli.RunAsync("ask", question);
        var json = await _cli.RunAsync("ask", question, "--json");

        Assert.Equal(0, plain.ExitCode);
        Assert.StartsWith("- ", plain.Out);
        Assert.Matches(@"^- \S.* — .* \[1\]$", plain.OutLines[0]);
        Assert.StartsWith("No language model is configured", plain.OutLines[^1]);
        Assert.Equal(1, plain.Out.Split("No language model").Length - 1);
        Assert.Matches(@"\d+(\.\d+)?%", plain.Out[..plain.Out.IndexOf("Sources:", StringComparison.Ordinal)]);
        using var doc = JsonDocument.Parse(Assert.Single(json.OutLines));
        Assert.DoesNotContain("language model is configured", doc.RootElement.GetProperty("answer").GetString());
        Assert.Equal("offline", doc.RootElement.GetProperty("mode").GetString());
    }

    [Fact]
    public async Task Json_has_the_question_answer_numbered_sources_citations_mode_and_usage()
    {
        const string question = "KV cache reduction by selecting a small set of key tokens";

        var result = await _cli.RunAsync("ask", question, "--json");

        Assert.Equal(0, result.ExitCode);
        using var doc = JsonDocument.Parse(Assert.Single(result.OutLines));
        var root = doc.RootElement;
        Assert.Equal(["question", "answer", "sources", "citations", "mode", "usage"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(question, root.GetProperty("question").GetString());
        Assert.Equal("offline", root.GetProperty("mode").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("usage").ValueKind);
        var sources = root.GetProperty("sources").EnumerateArray().ToList();
        Assert.NotEmpty(sources);
        foreach (var source in sources)
        {
            Assert.Equal(["n", "id", "title", "url", "published"], source.EnumerateObject().Select(p => p.Name));
            Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", source.GetProperty("published").GetString());
        }
        Assert.Equal(Enumerable.Range(1, sources.Count), sources.Select(s => s.GetProperty("n").GetInt32()));
        var citations = root.GetProperty("citations").EnumerateArray().Select(c => c.GetInt32()).ToList();
        Assert.NotEmpty(citations);
        var answer = root.GetProperty("answer").GetString()!;
        foreach (var n in citations)
        {
            Assert.Contains(n, sources.Select(s => s.GetProperty("n").GetInt32()));
            Assert.Contains($"[{n}]", answer);
        }
        var cited = sources.Where(s => citations.Contains(s.GetProperty("n").GetInt32())).Select(s => s.GetProperty("title").GetString()!);
        Assert.Contains(cited, t => t.StartsWith("Keyformer", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Off_topic_questions_get_no_citations_and_say_nothing_was_found()
    {
        var result = await _cli.RunAsync("ask", "How long should I rest a brisket after smoking it?", "--json");

        Assert.Equal(0, result.ExitCode);
        using var doc = JsonDocument.Parse(Assert.Single(result.OutLines));
        var root = doc.RootElement;
        Assert.StartsWith("I found nothing about this in the 262 papers", root.GetProperty("answer").GetString());
        Assert.Equal(0, root.GetProperty("citations").GetArrayLength());
        Assert.Equal(0, root.GetProperty("sources").GetArrayLength());
    }

    [Fact]
    public async Task Text_output_is_the_answer_then_the_cited_sources_with_title_and_date()
    {
        var result = await _cli.RunAsync("ask", "A voxel transformer for point clouds that avoids sorting and padding windows");

        Assert.Equal(0, result.ExitCode);
        var lines = result.OutLines;
        var heading = Array.IndexOf(lines, "Sources:");
        Assert.True(heading > 0, result.Out);
        Assert.StartsWith("No language model is configured", lines[^1]);
        var sourceLines = lines[(heading + 1)..^1];
        Assert.NotEmpty(sourceLines);
        Assert.All(sourceLines, l => Assert.Matches(@"^\[\d+\] .+ \(\d{4}-\d{2}-\d{2}\)", l));
        Assert.Contains(sourceLines, l => l.Contains("ScatterFormer", StringComparison.Ordinal));
        var body = string.Join('\n', lines[..heading]);
        foreach (var line in sourceLines) Assert.Contains(line[..(line.IndexOf(']') + 1)], body);
    }

    [Fact]
    public async Task Off_topic_text_output_has_no_sources()
    {
        var result = await _cli.RunAsync("ask", "How long should I rest a brisket after smoking it?");

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("I found nothing about this", Assert.Single(result.OutLines));
    }

    [Fact]
    public async Task From_and_to_limit_the_sources_to_those_days()
    {
        var result = await _cli.RunAsync("ask", "efficient inference for large language models", "--json", "--from", "2026-04-28", "--to", "2026-04-28", "--top", "5");

        Assert.Equal(0, result.ExitCode);
        using var doc = JsonDocument.Parse(Assert.Single(result.OutLines));
        var sources = doc.RootElement.GetProperty("sources").EnumerateArray().ToList();
        Assert.InRange(sources.Count, 1, 5);
        Assert.All(sources, s => Assert.Equal("2026-04-28", s.GetProperty("published").GetString()));
    }

    [Fact]
    public async Task With_a_model_json_reports_model_mode_and_usage_and_invented_citations_are_dropped()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Enqueue(FakeReply.Text("Keyformer keeps only a small set of key tokens [1], unlike the invented paper [42].", 300, 20));

        var result = await _cli.RunAsync(["ask", "KV cache reduction by selecting key tokens", "--json"], settings: Model(server.Endpoint));

        Assert.Equal(0, result.ExitCode);
        using var doc = JsonDocument.Parse(Assert.Single(result.OutLines));
        var root = doc.RootElement;
        Assert.Equal("model", root.GetProperty("mode").GetString());
        Assert.Equal([1], root.GetProperty("citations").EnumerateArray().Select(c => c.GetInt32()));
        Assert.DoesNotContain("[42]", root.GetProperty("answer").GetString());
        var usage = root.GetProperty("usage");
        Assert.Equal(["inputTokens", "outputTokens", "totalTokens"], usage.EnumerateObject().Select(p => p.Name));
        Assert.Equal(300, usage.GetProperty("inputTokens").GetInt64());
        Assert.Equal(20, usage.GetProperty("outputTokens").GetInt64());
        Assert.Contains("Keyformer", root.GetProperty("sources").EnumerateArray().First(s => s.GetProperty("n").GetInt32() == 1).GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_failing_provider_is_one_error_line_and_exit_code_1()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Enqueue(FakeReply.Status(500));

        var result = await _cli.RunAsync(["ask", "KV cache reduction by selecting key tokens"], settings: Model(server.Endpoint));

        Assert.Equal(1, result.ExitCode);
        var error = Assert.Single(result.ErrorLines, l => l.StartsWith("error:", StringComparison.Ordinal));
        Assert.Contains("500", error);
        Assert.DoesNotContain("sk-test-secret", result.Error);
    }

    /// <summary>Settings for the OpenAI-compatible provider at <paramref name="endpoint"/>, without retries.</summary>
    internal static Dictionary<string, string?> Model(Uri endpoint) => new()
    {
        ["Chat:Provider"] = "OpenAI",
        ["Chat:Endpoint"] = endpoint.ToString(),
        ["Chat:Model"] = "test-model",
        ["Chat:ApiKey"] = "sk-test-secret",
        ["Chat:MaxRetries"] = "0",
        ["Chat:Timeout"] = "00:00:20",
    };

    [Theory]
    [InlineData(new[] { "ask", "q", "--from", "2026-02-30" }, "error: --from '2026-02-30' is not a date: use YYYY-MM-DD, e.g. 2026-11-20")]
    [InlineData(new[] { "ask", "q", "--to", "yesterday" }, "error: --to 'yesterday' is not a date: use YYYY-MM-DD, e.g. 2026-11-20")]
    [InlineData(new[] { "ask", "q", "--from", "2026-05-01", "--to", "2026-04-01" }, "error: --from 2026-05-01 is after --to 2026-04-01")]
    [InlineData(new[] { "ask", "q", "--top", "0" }, "error: --top must be between 1 and 50")]
    [InlineData(new[] { "ask", " " }, "error: the question is empty")]
    public async Task Usage_mistakes_give_one_error_line_and_exit_code_2(string[] args, string expected)
    {
        var result = await _cli.RunAsync(args);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(expected, Assert.Single(result.ErrorLines));
        Assert.Empty(result.Out);
    }
}
