using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ResearchBot.Ingestion;
using ResearchBot.TestSupport.Http;

namespace ResearchBot.Tests.Ingestion;

public class ArxivClientTests
{
    private static RecordedResponse Page(int n) => RecordedResponse.Atom(FixtureFiles.Read($"arxiv-cs-cl-page{n}.xml"));

    [Fact]
    public async Task Pages_through_results_up_to_the_maximum()
    {
        await using var server = await RecordedResponseServer.StartAsync();
        server.Enqueue(Page(1), Page(2), Page(3));
        await using var services = IngestionTestServices.Build(server.BaseUrl);

        var papers = await services.GetRequiredService<ArxivClient>().SearchAsync("cat:cs.CL", max: 10);

        Assert.Equal(["2611.14512", "2611.14003", "2611.13870", "2611.13501", "cs/0101001"], papers.Select(p => p.Id));
        Assert.Equal(
            [
                "/api/query?search_query=cat%3Acs.CL&start=0&max_results=2",
                "/api/query?search_query=cat%3Acs.CL&start=2&max_results=2",
                "/api/query?search_query=cat%3Acs.CL&start=4&max_results=2",
            ],
            server.Requests.Select(r => r.PathAndQuery));
    }

    [Fact]
    public async Task Stops_at_the_maximum()
    {
        await using var server = await RecordedResponseServer.StartAsync();
        server.Enqueue(Page(1), Page(2));
        await using var services = IngestionTestServices.Build(server.BaseUrl);

        var papers = await services.GetRequiredService<ArxivClient>().SearchAsync("cat:cs.CL", max: 3);

        Assert.Equal(3, papers.Count);
        Assert.EndsWith("start=2&max_results=1", server.Requests[^1].PathAndQuery);
    }

    [Fact]
    public async Task Waits_the_configured_pause_between_calls_on_the_injected_clock()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero));
        await using var server = await RecordedResponseServer.StartAsync(clock);
        server.Enqueue(Page(1), Page(2), Page(3));
        await using var services = IngestionTestServices.Build(server.BaseUrl, time: clock, overrides: new Dictionary<string, string?>
        {
            ["Sources:Arxiv:PauseBetweenCalls"] = "00:00:03",
            ["Sources:Arxiv:Timeout"] = "01:00:00",
        });

        var search = services.GetRequiredService<ArxivClient>().SearchAsync("cat:cs.CL", max: 10);
        while (!search.IsCompleted)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            await Task.WhenAny(search, Task.Delay(5));
        }
        var papers = await search;

        Assert.Equal(5, papers.Count);
        var times = server.Requests.Select(r => r.ReceivedAt).ToList();
        Assert.Equal(3, times.Count);
        Assert.All(times.Zip(times.Skip(1)), pair => Assert.True(pair.Second - pair.First >= TimeSpan.FromSeconds(3), $"{pair.First} -> {pair.Second}"));
    }

    [Fact]
    public async Task A_500_on_a_later_page_is_retried()
    {
        await using var server = await RecordedResponseServer.StartAsync();
        server.Enqueue(Page(1), RecordedResponse.ServerError(), Page(2), Page(3));
        await using var services = IngestionTestServices.Build(server.BaseUrl);

        var papers = await services.GetRequiredService<ArxivClient>().SearchAsync("cat:cs.CL", max: 10);

        Assert.Equal(5, papers.Count);
        Assert.Equal(4, server.Requests.Count);
    }
}
