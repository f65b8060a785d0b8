using Microsoft.Extensions.DependencyInjection;
using ResearchBot.BotState;
using ResearchBot.Discord.Tests.Support;
using ResearchBot.Ingestion;
using ResearchBot.Storage;
using ResearchBot.Storage.BotState;

namespace ResearchBot.Discord.Tests;

/// <summary><c>Ingest:Schedule</c>: the discord host ingests on its own schedule and, after downtime, catches up the missed runs (bounded).</summary>
public sealed class ScheduledIngestTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("researchbot-ingest-").FullName;

    private string StorePath => Path.Combine(_folder, "bot.db");

    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    private async Task RecordLastRunAsync(DateTimeOffset at)
    {
        using var connections = new SqliteConnectionFactory(new StorageOptions { Path = StorePath });
        await new SqliteJobRunRepository(new BotStateTables(connections)).SetLastRunAsync("ingest", at);
    }

    private Task<BotHarness> StartAsync(TestClock clock, int maxCatchUp = 7) => BotHarness.StartAsync(clock: clock, storePath: StorePath, otherSettings: new Dictionary<string, string?>
    {
        ["Ingest:Schedule"] = "0 6 * * *",
        ["Ingest:TimeZone"] = "UTC",
        ["Ingest:Sources:0"] = "hf",
        ["Ingest:Sources:1"] = "arxiv:cat:cs.CL",
        ["Ingest:ArxivMax"] = "50",
        ["Ingest:MaxCatchUpRuns"] = maxCatchUp.ToString(System.Globalization.CultureInfo.InvariantCulture),
    });

    private static string Describe(IngestRequest r) => r.ArxivQuery is { } q ? $"arxiv {q} max {r.ArxivMax}" : $"{string.Join(",", r.Sources)} {r.Date:yyyy-MM-dd}";

    [Fact]
    public async Task After_downtime_the_missed_days_are_ingested_then_the_schedule_goes_on()
    {
        await RecordLastRunAsync(new DateTimeOffset(2026, 11, 20, 6, 0, 0, TimeSpan.Zero));
        var clock = new TestClock(Now);
        await using var bot = await StartAsync(clock);

        await bot.Library.Ingests.WaitForCountAsync(_ => true, 4, what: "the catch-up runs");
        var caughtUp = bot.Library.Ingests.Snapshot().Select(Describe).ToList();
        // Next run: 2026-11-24 06:00, 18 hours away (waited in at most 12-hour steps).
        await clock.FireAsync(TimeSpan.FromHours(12));
        await clock.FireAsync(TimeSpan.FromHours(6));
        await bot.Library.Ingests.WaitForCountAsync(_ => true, 6, what: "the scheduled run");

        Assert.Equal(["hf 2026-11-21", "hf 2026-11-22", "hf 2026-11-23", "arxiv cat:cs.CL max 50"], caughtUp);
        Assert.Equal(["hf 2026-11-24", "arxiv cat:cs.CL max 50"], bot.Library.Ingests.Snapshot().Skip(4).Select(Describe));
        var last = await bot.Host.Services.GetRequiredService<IJobRunRepository>().GetLastRunAsync("ingest");
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 6, 0, 0, TimeSpan.Zero), last);
        Assert.Contains(bot.Logs.Lines.Snapshot(), l => l.Text.Contains("Scheduled ingest of hf for 2026-11-24: 1 added", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Catch_up_is_bounded_to_the_latest_missed_runs()
    {
        await RecordLastRunAsync(new DateTimeOffset(2026, 10, 1, 6, 0, 0, TimeSpan.Zero));
        var clock = new TestClock(Now);
        await using var bot = await StartAsync(clock, maxCatchUp: 2);

        await bot.Library.Ingests.WaitForCountAsync(_ => true, 3, what: "the catch-up runs");
        await clock.Timers.WaitForAsync(t => t.Due == TimeSpan.FromHours(12), what: "the wait for the next run");

        Assert.Equal(["hf 2026-11-22", "hf 2026-11-23", "arxiv cat:cs.CL max 50"], bot.Library.Ingests.Snapshot().Select(Describe));
    }

    [Fact]
    public async Task A_first_start_catches_nothing_up_and_waits_for_the_next_run()
    {
        var clock = new TestClock(Now);
        await using var bot = await StartAsync(clock);

        await clock.Timers.WaitForAsync(t => t.Due == TimeSpan.FromHours(12), what: "the wait for the next run");

        Assert.Empty(bot.Library.Ingests.Snapshot());
        Assert.Equal(Now, await bot.Host.Services.GetRequiredService<IJobRunRepository>().GetLastRunAsync("ingest"));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
