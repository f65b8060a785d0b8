using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using ResearchBot.Answering;
using ResearchBot.Discord.Health;
using ResearchBot.Discord.Tests.Support;
using ResearchBot.Storage;
using ResearchBot.TestSupport.Discord;

namespace ResearchBot.Discord.Tests;

/// <summary>Meters are matched by name across the process, so these tests run alone: the counts they read are theirs.</summary>
[CollectionDefinition(nameof(HealthTests), DisableParallelization = true)]
public sealed class HealthTestsCollection;

/// <summary><c>/healthz</c>, <c>/readyz</c> and <c>/metrics</c> served by the discord host over real HTTP.</summary>
[Collection(nameof(HealthTests))]
public sealed partial class HealthTests
{
    private static readonly HttpClient Http = new();

    private static Task<BotHarness> StartAsync(Action<IServiceCollection>? services = null) =>
        BotHarness.StartAsync(otherSettings: new Dictionary<string, string?> { ["Health:Url"] = "http://127.0.0.1:0" },
            services: services is null ? null : (s, _) => services(s));

    private static Uri Url(BotHarness bot, string path) => new(bot.Host.Services.GetRequiredService<HealthServer>().Address!, path);

    private static async Task<(HttpStatusCode Status, string Body)> GetAsync(BotHarness bot, string path)
    {
        using var response = await Http.GetAsync(Url(bot, path));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Healthz_answers_and_readyz_follows_the_gateway()
    {
        await using var bot = await StartAsync();
        await bot.ReadyAsync();

        var alive = await GetAsync(bot, "/healthz");
        var ready = await GetAsync(bot, "/readyz");
        var gate = bot.Gateway.ResumeGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await bot.Gateway.SendOpAsync(7, null);
        await bot.Gateway.WaitForClientAsync(6);
        var reconnecting = await GetAsync(bot, "/readyz");
        gate.SetResult();
        await bot.Gateway.Frames.WaitForAsync(f => f.Type == "RESUMED");
        var again = await WaitForStatusAsync(bot, "/readyz", HttpStatusCode.OK);

        Assert.Equal((HttpStatusCode.OK, "ok\n"), alive);
        Assert.Equal((HttpStatusCode.OK, "ready\n"), ready);
        Assert.Equal((HttpStatusCode.ServiceUnavailable, "not ready: the Discord gateway is not connected\n"), reconnecting);
        Assert.Equal("ready\n", again);
        Assert.Matches(@"(?m)^researchbot_gateway_reconnects_total(\{[^}]*\})? 1\b", (await GetAsync(bot, "/metrics")).Body);
    }

    [Fact]
    public async Task Readyz_is_503_when_the_store_fails()
    {
        await using var bot = await StartAsync(s => s.AddSingleton<IPaperStore>(new FailingStore()));
        await bot.ReadyAsync();

        Assert.Equal((HttpStatusCode.ServiceUnavailable, "not ready: the store does not answer\n"), await GetAsync(bot, "/readyz"));
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(bot, "/healthz")).Status);
    }

    [Fact]
    public async Task Metrics_show_the_answer_its_duration_tokens_and_the_papers_in_Prometheus_text()
    {
        await using var bot = await StartAsync();
        await bot.ReadyAsync();
        bot.Answers.Usage = new AnswerUsage(500, 120, 620);
        bot.Answers.Abstain = true;

        await bot.MentionAsync("m1", "what is RAG?");
        await bot.WaitForMessageAsync(m => m.ReplyTo == "m1" && m.Embeds is not null, "the answer");
        await bot.Host.Services.GetRequiredService<ResearchBot.Discord.Bot.InFlightTracker>().DrainAsync(TimeSpan.FromSeconds(10), CancellationToken.None);
        var (status, metrics) = await GetAsync(bot, "/metrics");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("1", Value(metrics, "researchbot_answers_total", "mode=\"model\"", "surface=\"mention\""));
        Assert.Equal("1", Value(metrics, "researchbot_answer_duration_seconds_count", "surface=\"mention\""));
        Assert.Equal("620", Value(metrics, "researchbot_tokens_total", $"guild=\"{DiscordEvents.GuildId}\""));
        Assert.Equal("1", Value(metrics, "researchbot_papers"));
        Assert.Contains("# TYPE researchbot_answer_duration_seconds histogram", metrics);
        Assert.Equal("1", Value(metrics, "researchbot_abstentions_total", "surface=\"mention\""));
    }

    [Fact]
    public async Task With_OTEL_EXPORTER_OTLP_ENDPOINT_set_the_metrics_are_also_pushed_to_that_collector()
    {
        await using var collector = await ResearchBot.TestSupport.Http.RecordedResponseServer.StartAsync();
        collector.Enqueue(Enumerable.Range(0, 50).Select(_ => new ResearchBot.TestSupport.Http.RecordedResponse(200, "", "application/x-protobuf")).ToArray());
        await using var bot = await BotHarness.StartAsync(otherSettings: new Dictionary<string, string?>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.BaseUrl.ToString().TrimEnd('/'),
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "200",
        });
        await bot.ReadyAsync();

        await bot.MentionAsync("m1", "what is RAG?");
        await bot.WaitForMessageAsync(m => m.ReplyTo == "m1" && m.Embeds is not null, "the answer");
        for (var i = 0; i < 200 && !collector.Requests.Any(r => r.PathAndQuery == "/v1/metrics"); i++) await Task.Delay(50);

        Assert.Contains(collector.Requests, r => r.Method == "POST" && r.PathAndQuery == "/v1/metrics");
    }

    /// <summary>The value of the sample of <paramref name="name"/> whose labels include all of <paramref name="labels"/>, or null.</summary>
    private static string? Value(string metrics, string name, params string[] labels)
    {
        foreach (Match m in Sample().Matches(metrics))
            if (m.Groups["name"].Value == name && labels.All(l => m.Groups["labels"].Value.Contains(l, StringComparison.Ordinal)))
                return m.Groups["value"].Value;
        return null;
    }

    private static async Task<string> WaitForStatusAsync(BotHarness bot, string path, HttpStatusCode status)
    {
        for (var i = 0; ; i++)
        {
            var (got, body) = await GetAsync(bot, path);
            if (got == status || i == 200) return body;
            await Task.Delay(50);
        }
    }

    [GeneratedRegex(@"(?m)^(?<name>[a-z_]+)(?:\{(?<labels>[^}]*)\})? (?<value>[0-9.e+-]+)")]
    private static partial Regex Sample();

    private sealed class FailingStore : IPaperStore
    {
        private static Exception Down() => new IOException("disk gone");
        public string Description => "failing store";
        public Task<ResearchBot.Storage.UpsertResult> UpsertAsync(IReadOnlyList<ResearchBot.Papers.Paper> papers, CancellationToken cancellationToken = default) => throw Down();
        public Task<ResearchBot.Papers.Paper?> GetAsync(string id, CancellationToken cancellationToken = default) => throw Down();
        public Task<IReadOnlyList<ResearchBot.Papers.Paper>> GetListedOnAsync(DateOnly day, CancellationToken cancellationToken = default) => throw Down();
        public Task<IReadOnlyList<DateOnly>> GetListingDaysAsync(CancellationToken cancellationToken = default) => throw Down();
        public Task<int> CountAsync(DateOnly? from = null, DateOnly? to = null, CancellationToken cancellationToken = default) => throw Down();
        public Task<StoreStats> GetStatsAsync(CancellationToken cancellationToken = default) => throw Down();
    }
}
