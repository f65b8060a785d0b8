using Microsoft.Extensions.DependencyInjection;
using ResearchBot.Ingestion;
using ResearchBot.Papers;
using ResearchBot.TestSupport.Http;

namespace ResearchBot.Tests.Ingestion;

public class HuggingFaceDailyClientTests
{
    private static readonly DateOnly Day = new(2026, 11, 20);

    [Fact]
    public async Task Fetches_the_requested_day_and_lists_the_papers_on_it()
    {
        await using var server = await RecordedResponseServer.StartAsync();
        server.Enqueue(RecordedResponse.Json(FixtureFiles.Read("hf-daily-2026-11-20.json")));
        await using var services = IngestionTestServices.Build(server.BaseUrl);

        var papers = await services.GetRequiredService<HuggingFaceDailyClient>().GetDailyPapersAsync(Day);

        Assert.Equal(["2611.14512", "2611.13007", "2611.12110"], papers.Select(p => p.Id));
        Assert.All(papers, p => Assert.Equal([new Listing(Day, "hf-daily")], p.Listings));
        var request = Assert.Single(server.Requests);
        Assert.Equal("/api/daily_papers?date=2026-11-20", request.PathAndQuery);
    }

    [Fact]
    public async Task A_429_with_retry_after_is_retried()
    {
        await using var server = await RecordedResponseServer.StartAsync();
        server.Enqueue(RecordedResponse.TooManyRequests(retryAfterSeconds: 1), RecordedResponse.Json(FixtureFiles.Read("hf-daily-2026-11-20.json")));
        await using var services = IngestionTestServices.Build(server.BaseUrl);

        var papers = await services.GetRequiredService<HuggingFaceDailyClient>().GetDailyPapersAsync(Day);

        Assert.Equal(3, papers.Count);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task A_500_is_retried()
    {
        await using var server = await RecordedResponseServer.StartAsync();
        server.Enqueue(RecordedResponse.ServerError(), RecordedResponse.Json(FixtureFiles.Read("hf-daily-2026-11-20.json")));
        await using var services = IngestionTestServices.Build(server.BaseUrl);

        var papers = await services.GetRequiredService<HuggingFaceDailyClient>().GetDailyPapersAsync(Day);

        Assert.Equal(3, papers.Count);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task Persistent_server_errors_end_in_a_clear_failure()
    {
        await using var server = await RecordedResponseServer.StartAsync();
        server.Enqueue(RecordedResponse.ServerError(), RecordedResponse.ServerError(), RecordedResponse.ServerError());
        await using var services = IngestionTestServices.Build(server.BaseUrl);

        var ex = await Assert.ThrowsAsync<PaperSourceException>(() => services.GetRequiredService<HuggingFaceDailyClient>().GetDailyPapersAsync(Day));

        Assert.Equal("Hugging Face answered HTTP 500 Internal Server Error for api/daily_papers?date=2026-11-20", ex.Message);
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task A_server_slower_than_the_timeout_ends_in_a_clear_failure()
    {
        await using var server = await RecordedResponseServer.StartAsync();
        var slow = RecordedResponse.Json("[]") with { Delay = TimeSpan.FromSeconds(30) };
        server.Enqueue(slow, slow);
        await using var services = IngestionTestServices.Build(server.BaseUrl, overrides: new Dictionary<string, string?>
        {
            ["Sources:HuggingFace:Timeout"] = "00:00:01",
            ["Sources:HuggingFace:MaxRetries"] = "1",
        });

        var ex = await Assert.ThrowsAsync<PaperSourceException>(() => services.GetRequiredService<HuggingFaceDailyClient>().GetDailyPapersAsync(Day));

        Assert.Equal("Hugging Face did not answer within 1 s per attempt (2 attempts) for api/daily_papers?date=2026-11-20", ex.Message);
        // Both attempts were sent; under heavy load the server may not have logged the last one before the client gave up.
        Assert.InRange(server.Requests.Count, 1, 2);
    }
}
