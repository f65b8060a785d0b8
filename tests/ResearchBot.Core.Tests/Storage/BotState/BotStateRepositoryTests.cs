using ResearchBot.Answering;
using ResearchBot.Answering.References;
using ResearchBot.BotState;
using ResearchBot.Storage;
using ResearchBot.Storage.BotState;

namespace ResearchBot.Core.Tests.Storage.BotState;

/// <summary>The SQLite repositories of the bot's state keep what they are given, in a store file reopened between write and read.</summary>
public sealed class BotStateRepositoryTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("rb-botstate-").FullName;

    private string Path => System.IO.Path.Combine(_folder, "state.db");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    /// <summary>A fresh factory over the same file: nothing is carried in memory from one call to the next.</summary>
    private async Task<T> WithTablesAsync<T>(Func<BotStateTables, Task<T>> use)
    {
        using var connections = new SqliteConnectionFactory(new StorageOptions { Path = Path });
        return await use(new BotStateTables(connections));
    }

    [Fact]
    public async Task A_conversation_comes_back_with_its_turns_sources_and_shown_list()
    {
        var sources = new List<AnswerSource> { new(1, "2401.00001", "RAG at scale", "https://arxiv.org/abs/2401.00001", new DateOnly(2026, 11, 20)), new(2, "p-2", "No link", null, null) };
        var saved = new ConversationState("thread-1", true,
            [new ChatTurn("user", "what is RAG?"), new ChatTurn("assistant", "It retrieves [1] and [2].", sources)],
            new ShownList(["2401.00001", "p-2"], ShownListKind.Search, [2]),
            new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.FromHours(1)));

        await WithTablesAsync(async t => { await new SqliteConversationRepository(t).SaveAsync(saved); return 0; });
        var loaded = await WithTablesAsync(t => new SqliteConversationRepository(t).GetAsync("thread-1"));
        var missing = await WithTablesAsync(t => new SqliteConversationRepository(t).GetAsync("thread-2"));

        Assert.NotNull(loaded);
        Assert.True(loaded.Started);
        Assert.Equal(saved.UpdatedAt, loaded.UpdatedAt);
        Assert.Equal(saved.Turns.Select(t => (t.Role, t.Text)), loaded.Turns.Select(t => (t.Role, t.Text)));
        Assert.Null(loaded.Turns[0].Sources);
        Assert.Equal(sources, loaded.Turns[1].Sources);
        Assert.Equal(saved.Shown!.PaperIds, loaded.Shown!.PaperIds);
        Assert.Equal(ShownListKind.Search, loaded.Shown.Kind);
        Assert.Equal([2], loaded.Shown.Focus);
        Assert.Null(missing);
    }

    [Fact]
    public async Task Saving_a_conversation_again_replaces_it()
    {
        await WithTablesAsync(async t =>
        {
            var conversations = new SqliteConversationRepository(t);
            await conversations.SaveAsync(new ConversationState("dm-1", false, [], new ShownList(["a"], ShownListKind.Answer), DateTimeOffset.UnixEpoch));
            await conversations.SaveAsync(new ConversationState("dm-1", true, [new ChatTurn("user", "q")], null, DateTimeOffset.UnixEpoch));
            return 0;
        });
        var loaded = await WithTablesAsync(t => new SqliteConversationRepository(t).GetAsync("dm-1"));

        Assert.True(loaded!.Started);
        Assert.Single(loaded.Turns);
        Assert.Null(loaded.Shown);
    }

    [Fact]
    public async Task Server_settings_round_trip_and_are_listed()
    {
        var full = new GuildSettings("300", "777", new TimeOnly(7, 30), "Europe/Berlin", ["retrieval", "agents"], 5000);
        var bare = new GuildSettings("301", Interests: []);
        await WithTablesAsync(async t =>
        {
            var settings = new SqliteGuildSettingsRepository(t);
            await settings.SaveAsync(full);
            await settings.SaveAsync(bare);
            await settings.SaveAsync(full with { DailyTokenBudget = 6000 });
            return 0;
        });

        var all = await WithTablesAsync(t => new SqliteGuildSettingsRepository(t).ListAsync());
        var one = await WithTablesAsync(t => new SqliteGuildSettingsRepository(t).GetAsync("300"));

        Assert.Equal(["300", "301"], all.Select(s => s.GuildId));
        Assert.Equal(("777", new TimeOnly(7, 30), "Europe/Berlin", 6000L), (one!.DigestChannelId, one.DigestTime!.Value, one.TimeZone!, one.DailyTokenBudget!.Value));
        Assert.Equal(["retrieval", "agents"], one.Interests);
        Assert.Equal(GuildSettings.Empty("301") with { Interests = all[1].Interests }, all[1]);
        Assert.Empty(all[1].Interests!);
        Assert.Null(await WithTablesAsync(t => new SqliteGuildSettingsRepository(t).GetAsync("999")));
    }

    [Fact]
    public async Task Token_usage_adds_up_per_server_and_day()
    {
        var day = new DateOnly(2026, 11, 23);
        var totals = await WithTablesAsync(async t =>
        {
            var usage = new SqliteTokenUsageRepository(t);
            return new[] { await usage.AddAsync("300", day, 80), await usage.AddAsync("300", day, 30), await usage.AddAsync("301", day, 5), await usage.AddAsync("300", day.AddDays(1), 7) };
        });

        Assert.Equal([80L, 110L, 5L, 7L], totals);
        Assert.Equal(110, await WithTablesAsync(t => new SqliteTokenUsageRepository(t).GetAsync("300", day)));
        Assert.Equal(0, await WithTablesAsync(t => new SqliteTokenUsageRepository(t).GetAsync("302", day)));
    }

    [Fact]
    public async Task The_last_run_of_a_job_is_kept_in_UTC()
    {
        var at = new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.FromHours(2));
        await WithTablesAsync(async t => { await new SqliteJobRunRepository(t).SetLastRunAsync("ingest", at); return 0; });

        Assert.Equal(at, await WithTablesAsync(t => new SqliteJobRunRepository(t).GetLastRunAsync("ingest")));
        Assert.Null(await WithTablesAsync(t => new SqliteJobRunRepository(t).GetLastRunAsync("digest")));
    }
}
