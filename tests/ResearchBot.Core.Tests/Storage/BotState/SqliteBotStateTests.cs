using ResearchBot.Answering;
using ResearchBot.BotState;
using ResearchBot.Storage;
using ResearchBot.Storage.BotState;

namespace ResearchBot.Core.Tests.Storage.BotState;

/// <summary>The SQLite bot-state repositories: tables made on first use, records read back as stored, and kept across a reopen.</summary>
public sealed class SqliteBotStateTests : IDisposable
{
    private static readonly DateTimeOffset At = new(2026, 11, 20, 8, 30, 0, TimeSpan.Zero);
    private readonly string _db = Path.Combine(Path.GetTempPath(), $"researchbot-botstate-{Guid.NewGuid():N}.db");

    private SqliteConnectionFactory Open() => new(new StorageOptions { Path = _db });

    [Fact]
    public async Task A_posted_answer_is_found_by_key_and_by_any_of_its_messages_after_a_reopen()
    {
        var sources = new List<AnswerSource> { new(1, "2401.00001", "RAG at scale", "https://arxiv.org/abs/2401.00001", new DateOnly(2026, 11, 20)), new(2, "x-2", "Other", null, null) };
        using (var factory = Open())
        {
            var repository = new SqlitePostedAnswerRepository(factory);
            await repository.SaveAsync(new PostedAnswer("m1", "300", "400", "what is new?", sources, [2], At));
            await repository.AddMessagesAsync("m1", ["5001", "5002"]);
        }

        using var reopened = Open();
        var again = new SqlitePostedAnswerRepository(reopened);
        var byKey = await again.GetAsync("m1");
        var byMessage = await again.FindByMessageAsync("5002");

        Assert.NotNull(byKey);
        Assert.Equal(("300", "400", "what is new?", At), (byKey.GuildId, byKey.ChannelId, byKey.Question, byKey.At));
        Assert.Equal(sources, byKey.Sources);
        Assert.Equal([2], byKey.Citations);
        Assert.Equal(["x-2"], byKey.Cited.Select(s => s.Id));
        Assert.Equal("m1", byMessage?.Key);
        Assert.Null(await again.FindByMessageAsync("9999"));
        Assert.Null(await again.GetAsync("m2"));
    }

    [Fact]
    public async Task A_saved_search_keeps_its_results_in_order()
    {
        using var factory = Open();
        var repository = new SqliteSavedSearchRepository(factory);
        var results = Enumerable.Range(1, 12).Select(i => new AnswerSource(i, $"p{i}", $"Paper {i}", $"https://example.org/{i}", null)).ToList();

        await repository.SaveAsync(new SavedSearch("i1", "retrieval", "600", results, 262, At));

        var saved = await repository.GetAsync("i1");
        Assert.Equal(results, saved!.Results);
        Assert.Equal(("retrieval", "600", 262), (saved.Query, saved.UserId, saved.PapersInRange));
    }

    [Fact]
    public async Task Feedback_counts_per_server_ignores_repeats_and_removes_taken_back_votes()
    {
        using var factory = Open();
        var repository = new SqliteFeedbackRepository(factory);
        FeedbackEntry Vote(string message, string user, FeedbackVote vote, string guild = "300", int day = 0) =>
            new(guild, "400", message, user, vote, "q", ["p1", "p2"], At.AddDays(day));

        Assert.True(await repository.AddAsync(Vote("m1", "u1", FeedbackVote.Down)));
        Assert.False(await repository.AddAsync(Vote("m1", "u1", FeedbackVote.Down)));
        Assert.True(await repository.AddAsync(Vote("m1", "u2", FeedbackVote.Up, day: 1)));
        Assert.True(await repository.AddAsync(Vote("m2", "u1", FeedbackVote.Down, day: 2)));
        Assert.True(await repository.AddAsync(Vote("m3", "u1", FeedbackVote.Down, guild: "301")));
        Assert.True(await repository.AddAsync(Vote("m0", "u3", FeedbackVote.Down, day: -40)));

        var counts = await repository.CountsAsync("300", At.AddDays(-30), 2);
        Assert.Equal((1, 2), (counts.Up, counts.Down));
        Assert.Equal(["m2", "m1"], counts.Recent.Select(e => e.MessageId));
        Assert.Equal(["p1", "p2"], counts.Recent[0].PaperIds);
        Assert.True(await repository.RemoveAsync("m2", "u1", FeedbackVote.Down));
        Assert.False(await repository.RemoveAsync("m2", "u1", FeedbackVote.Down));
        Assert.Equal(["m1", "m1", "m0"], (await repository.ForGuildAsync("300", 10)).Select(e => e.MessageId));
    }

    [Fact]
    public async Task Subscriptions_are_per_channel_compared_without_case_and_remember_what_was_posted()
    {
        using var factory = Open();
        var repository = new SqliteSubscriptionRepository(factory);
        var since = new DateOnly(2026, 11, 20);

        Assert.True(await repository.AddAsync(new ChannelSubscription("400", "300", "  KV   cache ", "600", At, since)));
        Assert.False(await repository.AddAsync(new ChannelSubscription("400", "300", "kv cache", "601", At, since)));
        Assert.True(await repository.AddAsync(new ChannelSubscription("401", "300", "kv cache", "601", At, null)));
        Assert.True(await repository.AddAsync(new ChannelSubscription("400", "300", "agents", "600", At.AddMinutes(1), since)));
        await repository.MarkPostedAsync("400", ["p1", "p2", "p1"]);

        var here = await repository.ForChannelAsync("400");
        Assert.Equal(["KV cache", "agents"], here.Select(s => s.Phrase));
        Assert.Equal(since, here[0].Since);
        Assert.Null((await repository.ForChannelAsync("401"))[0].Since);
        Assert.Equal(3, (await repository.AllAsync()).Count);
        Assert.Equal(new HashSet<string> { "p1", "p2" }, await repository.PostedAsync("400"));
        Assert.Empty(await repository.PostedAsync("401"));
        Assert.True(await repository.RemoveAsync("400", "KV CACHE"));
        Assert.False(await repository.RemoveAsync("400", "kv cache"));
        Assert.Equal(["agents"], (await repository.ForChannelAsync("400")).Select(s => s.Phrase));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(_db + suffix);
    }
}
