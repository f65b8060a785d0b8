using Microsoft.Extensions.DependencyInjection;
using ResearchBot.Discord.Tests.Support;
using ResearchBot.Scheduling;
using ResearchBot.Storage.Postgres;
using ResearchBot.TestSupport.Postgres;

namespace ResearchBot.Discord.Tests;

/// <summary>Several bot processes: each identifies as its shard, and the scheduled digest is posted by one of them only.</summary>
public class ShardingTests
{
    [Fact]
    public async Task A_sharded_bot_identifies_with_its_shard_and_an_unsharded_one_sends_none()
    {
        await using var shard = await BotHarness.StartAsync(new Dictionary<string, string?> { ["ShardId"] = "1", ["ShardCount"] = "3" });
        await shard.ReadyAsync();
        await using var single = await BotHarness.StartAsync();
        await single.ReadyAsync();

        var identify = shard.Gateway.FromClient(2).Single().Data;
        Assert.Equal([1, 3], identify.GetProperty("shard").EnumerateArray().Select(e => e.GetInt32()));
        Assert.False(single.Gateway.FromClient(2).Single().Data.TryGetProperty("shard", out _));
    }

    [Fact]
    public void A_shard_outside_the_count_fails_validation_with_the_keys_named()
    {
        var tooHigh = new DiscordOptionsValidator().Validate(null, new DiscordOptions { ShardId = 3, ShardCount = 3 });
        var none = new DiscordOptionsValidator().Validate(null, new DiscordOptions { ShardCount = 0 });

        Assert.Contains("Discord:ShardId must be between 0 and ShardCount - 1 (2) (it is 3)", tooHigh.Failures!);
        Assert.Contains("Discord:ShardCount must be at least 1 (it is 0)", none.Failures!);
    }

    /// <summary>Two bot processes (each with its own clock) whose job locks share one new PostgreSQL database; disposing closes both.</summary>
    private sealed class TwoProcesses(BotHarness a, BotHarness b, TestClock clockA, TestClock clockB, List<PostgresDatabase> databases) : IAsyncDisposable
    {
        public BotHarness A => a;
        public BotHarness B => b;
        public TestClock ClockA => clockA;
        public TestClock ClockB => clockB;

        public static async Task<TwoProcesses> StartAsync(string database, DateTimeOffset start,
            IDictionary<string, string?>? settings = null, IDictionary<string, string?>? otherSettings = null)
        {
            var store = PostgresServer.Instance.CreateDatabase(database);
            var databases = new List<PostgresDatabase>();
            void SharedLock(IServiceCollection s, Microsoft.Extensions.Configuration.IConfiguration _)
            {
                var db = new PostgresDatabase(store);
                databases.Add(db);
                s.AddSingleton<IJobLock>(new PostgresJobLock(db));
            }
            var clockA = new TestClock(start);
            var clockB = new TestClock(start);
            var a = await BotHarness.StartAsync(settings, clock: clockA, services: SharedLock, otherSettings: otherSettings);
            var b = await BotHarness.StartAsync(settings, clock: clockB, services: SharedLock, otherSettings: otherSettings);
            return new TwoProcesses(a, b, clockA, clockB, databases);
        }

        public async ValueTask DisposeAsync()
        {
            await a.DisposeAsync();
            await b.DisposeAsync();
            foreach (var db in databases) db.Dispose();
        }
    }

    [Fact]
    public async Task Two_bot_processes_sharing_a_postgres_store_post_the_days_digest_once()
    {
        await using var p = await TwoProcesses.StartAsync("digest", new DateTimeOffset(2026, 11, 23, 7, 59, 0, TimeSpan.Zero),
            settings: new Dictionary<string, string?> { ["DigestChannelId"] = "500", ["DigestCron"] = "0 8 * * *" });
        await p.A.ReadyAsync();
        await p.B.ReadyAsync();

        await p.ClockA.FireAsync(TimeSpan.FromMinutes(1));
        await p.A.WaitForMessageAsync(m => m.ChannelId == "500", "the digest of the first process");
        await p.ClockB.FireAsync(TimeSpan.FromMinutes(1));
        await p.B.Logs.Lines.WaitForAsync(l => l.Text.Contains("posted by another bot process"));

        Assert.Single(p.A.Rest.MessagesIn("500"));
        Assert.Empty(p.B.Rest.MessagesIn("500"));
        Assert.Empty(p.B.Library.Ingests.Snapshot());
    }

    [Fact]
    public async Task Two_bot_processes_sharing_a_postgres_store_run_a_scheduled_ingest_once()
    {
        await using var p = await TwoProcesses.StartAsync("ingest", new DateTimeOffset(2026, 11, 23, 5, 59, 0, TimeSpan.Zero),
            otherSettings: new Dictionary<string, string?> { ["Ingest:Schedule"] = "0 6 * * *", ["Ingest:Sources:0"] = "hf" });
        await p.ClockA.Timers.WaitForAsync(t => t.Due == TimeSpan.FromMinutes(1), what: "process A's wait for the run");
        await p.ClockB.Timers.WaitForAsync(t => t.Due == TimeSpan.FromMinutes(1), what: "process B's wait for the run");

        await p.ClockA.FireAsync(TimeSpan.FromMinutes(1));
        await p.A.Library.Ingests.WaitForCountAsync(_ => true, 1, what: "process A's scheduled ingest");
        await p.ClockB.FireAsync(TimeSpan.FromMinutes(1));
        await p.B.Logs.Lines.WaitForAsync(l => l.Text.Contains("run by another bot process"));

        Assert.Equal([new DateOnly(2026, 11, 23)], p.A.Library.Ingests.Snapshot().Select(r => r.Date));
        Assert.Empty(p.B.Library.Ingests.Snapshot());
    }
}
