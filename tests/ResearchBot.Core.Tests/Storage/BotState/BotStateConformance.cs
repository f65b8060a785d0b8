using ResearchBot.Answering;
using ResearchBot.Answering.References;
using ResearchBot.BotState;

namespace ResearchBot.Core.Tests.Storage.BotState;

/// <summary>
/// What every provider's bot-state repositories must do: keep what they are given, read back as stored from a store opened
/// again (nothing carried in memory between write and read), with the same rules for repeats, case and order. Each
/// provider runs it in a subclass.
/// </summary>
public abstract class BotStateConformance
{
    protected static readonly DateTimeOffset At = new(2026, 11, 20, 8, 30, 0, TimeSpan.Zero);

    /// <summary>The store as a new process opens it: every call opens the same store afresh.</summary>
    protected abstract BotStateUnderTest Open();

    private async Task<T> WithStoreAsync<T>(Func<BotStateUnderTest, Task<T>> use)
    {
        using var store = Open();
        return await use(store);
    }

    private async Task WithStoreAsync(Func<BotStateUnderTest, Task> use)
    {
        using var store = Open();
        await use(store);
    }

    [Fact]
    public async Task A_conversation_comes_back_with_its_turns_sources_and_shown_list()
    {
        var sources = new List<AnswerSource> { new(1, "2401.00001", "RAG at scale", "https://arxiv.org/abs/2401.00001", new DateOnly(2026, 11, 20)), new(2, "p-2", "No link", null, null) };
        var saved = new ConversationState("thread-1", true,
            [new ChatTurn("user", "what is RAG?"), new ChatTurn("assistant", "It retrieves [1] and [2].", sources)],
            new ShownList(["2401.00001", "p-2"], ShownListKind.Search, [2]),
            new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.FromHours(1)));

        await WithStoreAsync(s => s.Conversations.SaveAsync(saved));
        var loaded = await WithStoreAsync(s => s.Conversations.GetAsync("thread-1"));
        var missing = await WithStoreAsync(s => s.Conversations.GetAsync("thread-2"));

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
        await WithStoreAsync(async s =>
        {
            await s.Conversations.SaveAsync(new ConversationState("dm-1", false, [], new ShownList(["a"], ShownListKind.Answer), DateTimeOffset.UnixEpoch));
            await s.Conversations.SaveAsync(new ConversationState("dm-1", true, [new ChatTurn("user", "q")], null, DateTimeOffset.UnixEpoch));
        });
        var loaded = await WithStoreAsync(s => s.Conversations.GetAsync("dm-1"));

        Assert.True(loaded!.Started);
        Assert.Single(loaded.Turns);
        Assert.Null(loaded.Shown);
    }

    [Fact]
    public async Task Server_settings_round_trip_and_are_listed()
    {
        var full = new GuildSettings("300", "777", new TimeOnly(7, 30), "Europe/Berlin", ["retrieval", "agents"], 5000);
        var bare = new GuildSettings("301", Interests: []);
        await WithStoreAsync(async s =>
        {
            await s.Settings.SaveAsync(full);
            await s.Settings.SaveAsync(bare);
            await s.Settings.SaveAsync(full with { DailyTokenBudget = 6000 });
        });

        var all = await WithStoreAsync(s => s.Settings.ListAsync());
        var one = await WithStoreAsync(s => s.Settings.GetAsync("300"));

        Assert.Equal(["300", "301"], all.Select(s => s.GuildId));
        Assert.Equal(("777", new TimeOnly(7, 30), "Europe/Berlin", 6000L), (one!.DigestChannelId, one.DigestTime!.Value, one.TimeZone!, one.DailyTokenBudget!.Value));
        Assert.Equal(["retrieval", "agents"], one.Interests);
        Assert.Equal(GuildSettings.Empty("301") with { Interests = all[1].Interests }, all[1]);
        Assert.Empty(all[1].Interests!);
        Assert.Null(await WithStoreAsync(s => s.Settings.GetAsync("999")));
    }

    [Fact]
    public async Task Token_usage_adds_up_per_server_and_day()
    {
        var day = new DateOnly(2026, 11, 23);
        var totals = await WithStoreAsync(async s =>
            new[] { await s.Tokens.AddAsync("300", day, 80), await s.Tokens.AddAsync("300", day, 30), await s.Tokens.AddAsync("301", day, 5), await s.Tokens.AddAsync("300", day.AddDays(1), 7) });

        Assert.Equal([80L, 110L, 5L, 7L], totals);
        Assert.Equal(110, await WithStoreAsync(s => s.Tokens.GetAsync("300", day)));
        Assert.Equal(0, await WithStoreAsync(s => s.Tokens.GetAsync("302", day)));
    }

    [Fact]
    public async Task The_last_run_of_a_job_is_kept_in_UTC()
    {
        var at = new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.FromHours(2));
        await WithStoreAsync(s => s.Jobs.SetLastRunAsync("ingest", at));

        Assert.Equal(at, await WithStoreAsync(s => s.Jobs.GetLastRunAsync("ingest")));
        Assert.Null(await WithStoreAsync(s => s.Jobs.GetLastRunAsync("digest")));
    }

    [Fact]
    public async Task The_last_run_is_the_one_recorded_last_even_when_it_was_scheduled_earlier()
    {
        var at = new DateTimeOffset(2026, 11, 23, 6, 0, 0, TimeSpan.Zero);
        await WithStoreAsync(async s =>
        {
            await s.Jobs.SetLastRunAsync("ingest", at);
            await s.Jobs.SetLastRunAsync("ingest", at.AddHours(1));
            await s.Jobs.SetLastRunAsync("other", at.AddDays(3));
        });
        Assert.Equal(at.AddHours(1), await WithStoreAsync(s => s.Jobs.GetLastRunAsync("ingest")));

        await WithStoreAsync(s => s.Jobs.SetLastRunAsync("ingest", at));

        Assert.Equal(at, await WithStoreAsync(s => s.Jobs.GetLastRunAsync("ingest")));
        Assert.Equal(at.AddDays(3), await WithStoreAsync(s => s.Jobs.GetLastRunAsync("other")));
    }

    [Fact]
    public async Task A_posted_answer_is_found_by_key_and_by_any_of_its_messages_after_a_reopen()
    {
        var sources = new List<AnswerSource> { new(1, "2401.00001", "RAG at scale", "https://arxiv.org/abs/2401.00001", new DateOnly(2026, 11, 20)), new(2, "x-2", "Other", null, null) };
        await WithStoreAsync(async s =>
        {
            await s.Answers.SaveAsync(new PostedAnswer("m1", "300", "400", "what is new?", sources, [2], At));
            await s.Answers.AddMessagesAsync("m1", ["5001", "5002", "5002"]);
        });

        using var again = Open();
        var byKey = await again.Answers.GetAsync("m1");
        var byMessage = await again.Answers.FindByMessageAsync("5002");

        Assert.NotNull(byKey);
        Assert.Equal(("300", "400", "what is new?", At), (byKey.GuildId, byKey.ChannelId, byKey.Question, byKey.At));
        Assert.Equal(sources, byKey.Sources);
        Assert.Equal([2], byKey.Citations);
        Assert.Equal(["x-2"], byKey.Cited.Select(s => s.Id));
        Assert.Equal("m1", byMessage?.Key);
        Assert.Null(await again.Answers.FindByMessageAsync("9999"));
        Assert.Null(await again.Answers.GetAsync("m2"));
    }

    [Fact]
    public async Task Saving_an_answer_again_replaces_it_and_a_message_points_at_the_answer_it_was_last_given()
    {
        using var store = Open();
        await store.Answers.SaveAsync(new PostedAnswer("m1", "300", "400", "first", [], [], At));
        await store.Answers.SaveAsync(new PostedAnswer("m2", null, "dm", "other", [], [], At));
        await store.Answers.AddMessagesAsync("m1", ["5001"]);
        await store.Answers.SaveAsync(new PostedAnswer("m1", "300", "401", "second", [], [1], At.AddMinutes(1)));
        await store.Answers.AddMessagesAsync("m2", ["5001"]);

        var m1 = await store.Answers.GetAsync("m1");
        Assert.Equal(("401", "second", At.AddMinutes(1)), (m1!.ChannelId, m1.Question, m1.At));
        Assert.Equal([1], m1.Citations);
        var byMessage = await store.Answers.FindByMessageAsync("5001");
        Assert.Equal(("m2", (string?)null), (byMessage!.Key, byMessage.GuildId));
    }

    [Fact]
    public async Task A_saved_search_keeps_its_results_in_order()
    {
        var results = Enumerable.Range(1, 12).Select(i => new AnswerSource(i, $"p{i}", $"Paper {i}", $"https://example.org/{i}", null)).ToList();
        await WithStoreAsync(s => s.Searches.SaveAsync(new SavedSearch("i1", "retrieval", "600", results, 262, At)));

        var saved = await WithStoreAsync(s => s.Searches.GetAsync("i1"));

        Assert.Equal(results, saved!.Results);
        Assert.Equal(("retrieval", "600", 262, At), (saved.Query, saved.UserId, saved.PapersInRange, saved.At));
        Assert.Null(await WithStoreAsync(s => s.Searches.GetAsync("i2")));
    }

    [Fact]
    public async Task Feedback_counts_per_server_ignores_repeats_and_removes_taken_back_votes()
    {
        using var store = Open();
        var repository = store.Feedback;
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
        Assert.Equal(At.AddDays(2), counts.Recent[0].At);
        Assert.True(await repository.RemoveAsync("m2", "u1", FeedbackVote.Down));
        Assert.False(await repository.RemoveAsync("m2", "u1", FeedbackVote.Down));
        Assert.Equal(["m1", "m1", "m0"], (await WithStoreAsync(s => s.Feedback.ForGuildAsync("300", 10))).Select(e => e.MessageId));
    }

    [Fact]
    public async Task Subscriptions_are_per_channel_compared_without_case_and_remember_what_was_posted()
    {
        using var store = Open();
        var repository = store.Subscriptions;
        var since = new DateOnly(2026, 11, 20);

        Assert.True(await repository.AddAsync(new ChannelSubscription("400", "300", "  KV   cache ", "600", At, since)));
        Assert.False(await repository.AddAsync(new ChannelSubscription("400", "300", "kv cache", "601", At, since)));
        Assert.True(await repository.AddAsync(new ChannelSubscription("401", "300", "kv cache", "601", At, null)));
        Assert.True(await repository.AddAsync(new ChannelSubscription("400", "300", "agents", "600", At.AddMinutes(1), since)));
        await repository.MarkPostedAsync("400", ["p1", "p2", "p1"]);
        await repository.MarkPostedAsync("400", ["p2", "p3"]);

        var here = await WithStoreAsync(s => s.Subscriptions.ForChannelAsync("400"));
        Assert.Equal(["KV cache", "agents"], here.Select(s => s.Phrase));
        Assert.Equal(("300", "600", At, since), (here[0].GuildId, here[0].CreatedBy, here[0].At, here[0].Since!.Value));
        Assert.Null((await repository.ForChannelAsync("401"))[0].Since);
        Assert.Equal(["400", "400", "401"], (await repository.AllAsync()).Select(s => s.ChannelId));
        Assert.Equal(new HashSet<string> { "p1", "p2", "p3" }, await WithStoreAsync(s => s.Subscriptions.PostedAsync("400")));
        Assert.Empty(await repository.PostedAsync("401"));
        Assert.True(await repository.RemoveAsync("400", "KV CACHE"));
        Assert.False(await repository.RemoveAsync("400", "kv cache"));
        Assert.Equal(["agents"], (await repository.ForChannelAsync("400")).Select(s => s.Phrase));
    }

    [Fact]
    public async Task Two_stores_open_at_once_see_each_others_conversation_turns_and_settings()
    {
        using var first = Open();
        using var second = Open();
        var turns = new List<ChatTurn> { new("user", "what is new in RAG?"), new("assistant", "See [1].", [new AnswerSource(1, "2401.00001", "RAG at scale", null, null)]) };

        await first.Conversations.SaveAsync(new ConversationState("thread-9", true, turns, null, At));
        var seen = await second.Conversations.GetAsync("thread-9");
        await second.Conversations.SaveAsync(seen! with { Turns = [.. seen.Turns, new ChatTurn("user", "tell me more about [1]")], UpdatedAt = At.AddMinutes(1) });
        await second.Settings.SaveAsync(new GuildSettings("300", "777", new TimeOnly(9, 0), "UTC", ["agents"]));
        await first.Settings.SaveAsync((await first.Settings.GetAsync("300"))! with { Interests = ["agents", "retrieval"] });

        var back = await first.Conversations.GetAsync("thread-9");
        Assert.Equal(["what is new in RAG?", "See [1].", "tell me more about [1]"], back!.Turns.Select(t => t.Text));
        Assert.Equal("2401.00001", back.Turns[1].Sources![0].Id);
        Assert.Equal(At.AddMinutes(1), back.UpdatedAt);
        var settings = await second.Settings.GetAsync("300");
        Assert.Equal(("777", new TimeOnly(9, 0)), (settings!.DigestChannelId, settings.DigestTime!.Value));
        Assert.Equal(["agents", "retrieval"], settings.Interests);
        Assert.Equal(["300"], (await second.Settings.ListAsync()).Select(s => s.GuildId));
    }
}
