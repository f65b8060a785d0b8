using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using ResearchBot.Answering;
using ResearchBot.BotState;
using ResearchBot.Scheduling;
using ResearchBot.Storage.BotState;
using ResearchBot.Storage.Postgres;
using ResearchBot.Storage.Postgres.BotState;
using ResearchBot.TestSupport.Postgres;

namespace ResearchBot.Core.Tests.Storage.BotState;

/// <summary>
/// The bot-state suite over a fresh database on the test run's throwaway PostgreSQL cluster, each <see cref="Open"/> a new
/// <see cref="PostgresDatabase"/> (its own pool, as another process would have); and the bot's state shared by two
/// processes configured with <c>Storage:Provider=Postgres</c>.
/// </summary>
public sealed class PostgresBotStateConformanceTests : BotStateConformance
{
    private readonly string _connectionString = PostgresServer.Instance.CreateDatabase("botstate");

    protected override BotStateUnderTest Open()
    {
        var db = new PostgresDatabase(_connectionString);
        return new BotStateUnderTest(
            new PostgresConversationRepository(db), new PostgresGuildSettingsRepository(db), new PostgresTokenUsageRepository(db),
            new PostgresJobRunRepository(db), new PostgresPostedAnswerRepository(db), new PostgresSavedSearchRepository(db),
            new PostgresFeedbackRepository(db), new PostgresSubscriptionRepository(db), db);
    }

    private ServiceProvider Process() =>
        new ServiceCollection().AddBotState(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Postgres",
            ["Storage:ConnectionString"] = _connectionString,
            ["Storage:Path"] = "/nonexistent/folder/never-opened.db",
        }).Build()).BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });

    [Fact]
    public void Storage_Provider_Postgres_puts_every_repository_of_the_bots_state_in_postgres()
    {
        using var services = Process();

        Assert.IsType<PostgresConversationRepository>(services.GetRequiredService<IConversationRepository>());
        Assert.IsType<PostgresGuildSettingsRepository>(services.GetRequiredService<IGuildSettingsRepository>());
        Assert.IsType<PostgresTokenUsageRepository>(services.GetRequiredService<ITokenUsageRepository>());
        Assert.IsType<PostgresJobRunRepository>(services.GetRequiredService<IJobRunRepository>());
        Assert.IsType<PostgresPostedAnswerRepository>(services.GetRequiredService<IPostedAnswerRepository>());
        Assert.IsType<PostgresSavedSearchRepository>(services.GetRequiredService<ISavedSearchRepository>());
        Assert.IsType<PostgresFeedbackRepository>(services.GetRequiredService<IFeedbackRepository>());
        Assert.IsType<PostgresSubscriptionRepository>(services.GetRequiredService<ISubscriptionRepository>());
    }

    [Fact]
    public async Task Two_processes_on_one_database_share_conversations_settings_budget_feedback_and_subscriptions()
    {
        using var shard0 = Process();
        using var shard1 = Process();
        T In<T>(ServiceProvider process) where T : notnull => process.GetRequiredService<T>();
        var at = new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
        var day = new DateOnly(2026, 11, 23);

        // A thread answered by shard 0 continues on shard 1 (after a reshard or a restart), numbered sources included.
        await In<IConversationRepository>(shard0).SaveAsync(new ConversationState("thread-1", true,
            [new ChatTurn("user", "what is RAG?"), new ChatTurn("assistant", "It retrieves [1].", [new AnswerSource(1, "2401.00001", "RAG at scale", null, null)])], null, at));
        var onShard1 = await In<IConversationRepository>(shard1).GetAsync("thread-1");
        Assert.Equal(["what is RAG?", "It retrieves [1]."], onShard1!.Turns.Select(t => t.Text));
        Assert.Equal("2401.00001", onShard1.Turns[1].Sources![0].Id);

        await In<IGuildSettingsRepository>(shard1).SaveAsync(new GuildSettings("300", "777", new TimeOnly(8, 15), "Europe/Berlin", ["agents"], 1000));
        Assert.Equal("777", (await In<IGuildSettingsRepository>(shard0).GetAsync("300"))!.DigestChannelId);

        // Both shards spend the server's one daily budget: concurrent additions all count.
        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => In<ITokenUsageRepository>(i % 2 == 0 ? shard0 : shard1).AddAsync("300", day, 10)));
        Assert.Equal(200, await In<ITokenUsageRepository>(shard1).GetAsync("300", day));

        await In<IFeedbackRepository>(shard0).AddAsync(new FeedbackEntry("300", "400", "m1", "u1", FeedbackVote.Up, "q", ["2401.00001"], at));
        Assert.False(await In<IFeedbackRepository>(shard1).AddAsync(new FeedbackEntry("300", "400", "m1", "u1", FeedbackVote.Up, "q", ["2401.00001"], at)));
        Assert.Equal(1, (await In<IFeedbackRepository>(shard1).CountsAsync("300", at.AddDays(-1), 5)).Up);

        await In<ISubscriptionRepository>(shard1).AddAsync(new ChannelSubscription("400", "300", "kv cache", "600", at, day));
        await In<ISubscriptionRepository>(shard1).MarkPostedAsync("400", ["2401.00001"]);
        Assert.Equal(["kv cache"], (await In<ISubscriptionRepository>(shard0).AllAsync()).Select(s => s.Phrase));
        Assert.Contains("2401.00001", await In<ISubscriptionRepository>(shard0).PostedAsync("400"));

        await In<IJobRunRepository>(shard0).SetLastRunAsync("ingest", at);
        Assert.Equal(at, await In<IJobRunRepository>(shard1).GetLastRunAsync("ingest"));
    }

    [Fact]
    public async Task Job_runs_and_the_job_lock_share_one_table()
    {
        using var store = Open();
        var at = new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
        await store.Jobs.SetLastRunAsync("ingest", at);
        using var db = new PostgresDatabase(_connectionString);
        Assert.True(await new PostgresJobLock(db).RunOnceAsync("digest:400", "2026-11-23", _ => Task.CompletedTask));

        await using var c = new NpgsqlConnection(_connectionString);
        await c.OpenAsync();
        await using var tables = new NpgsqlCommand("SELECT string_agg(table_name, ',' ORDER BY table_name) FROM information_schema.tables WHERE table_name LIKE '%job%'", c);
        Assert.Equal("job_runs", await tables.ExecuteScalarAsync());
        await using var rows = new NpgsqlCommand("SELECT string_agg(job, ',' ORDER BY job) FROM job_runs", c);
        Assert.Equal("digest:400,ingest", await rows.ExecuteScalarAsync());
    }
}
