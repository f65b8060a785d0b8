using ResearchBot.TestSupport.Http;

namespace ResearchBot.Cli.Tests;

/// <summary><c>ingest hf</c> and <c>ingest arxiv</c> through the CLI, against a recorded-response server on 127.0.0.1.</summary>
public sealed class OnlineIngestTests : IDisposable
{
    private const string DailyPapers = """
        [
          {"paper": {"id": "2611.14512", "title": "Sparse Mixture of Retrievers for Long-Context Question Answering",
                     "summary": "A sparse mixture of retrievers routes each query to a few specialised indexes.",
                     "authors": [{"name": "Mei Lin"}], "publishedAt": "2026-11-18T17:59:58.000Z", "upvotes": 42},
           "publishedAt": "2026-11-20T01:12:44.512Z"},
          {"paper": {"id": "2611.14877", "title": "Calibrated Abstention for Retrieval-Augmented Answers",
                     "summary": "We teach answerers to say when the retrieved papers do not answer the question.",
                     "authors": [{"name": "Jonas Weber"}], "publishedAt": "2026-11-19T10:00:00.000Z", "upvotes": 7},
           "publishedAt": "2026-11-20T02:00:00.000Z"}
        ]
        """;

    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    private static Dictionary<string, string?> Pointing(RecordedResponseServer server) => new()
    {
        ["Sources:HuggingFace:BaseUrl"] = server.BaseUrl.ToString(),
        ["Sources:HuggingFace:MaxRetries"] = "1",
        ["Sources:HuggingFace:RetryDelay"] = "00:00:00.010",
        ["Sources:HuggingFace:Timeout"] = "00:00:05",
    };

    [Fact]
    public async Task Hf_fetches_the_daily_papers_of_the_given_date()
    {
        await using var server = await RecordedResponseServer.StartAsync();
        server.Enqueue(RecordedResponse.Json(DailyPapers));

        var result = await _cli.RunAsync(["ingest", "hf", "--date", "2026-11-20"], settings: Pointing(server));

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("2 parsed: 2 added", result.Out);
        var request = Assert.Single(server.Requests);
        Assert.Contains("daily_papers?date=2026-11-20", request.PathAndQuery);
        var stats = await _cli.RunAsync("stats", "--json");
        Assert.Contains("\"days\":[\"2026-11-20\"]", stats.Out);
    }

    [Fact]
    public async Task A_failing_source_is_one_error_line_naming_it()
    {
        await using var server = await RecordedResponseServer.StartAsync();
        server.Enqueue(RecordedResponse.ServerError(), RecordedResponse.ServerError(), RecordedResponse.ServerError());

        var result = await _cli.RunAsync(["ingest", "hf", "--date", "2026-11-20", CliRunner.SamplePage(0)], settings: Pointing(server));

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("error: hf: ", Assert.Single(result.ErrorLines));
        Assert.Contains("12 added", result.Out);
    }

    [Fact]
    public async Task Arxiv_without_a_query_says_what_is_missing()
    {
        var result = await _cli.RunAsync("ingest", "arxiv");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("error: arxiv: arxiv needs a search query (--query), e.g. cat:cs.CL", Assert.Single(result.ErrorLines));
    }
}
