using System.Diagnostics.Metrics;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ResearchBot.BotState;
using ResearchBot.Discord.Bot.Feedback;
using ResearchBot.Discord.Tests.Support;
using ResearchBot.TestSupport.Discord;

namespace ResearchBot.Discord.Tests.Feedback;

/// <summary>👍/👎 reactions on answers stored with the question, cited papers and server; /feedback for Manage Server.</summary>
public class FeedbackTests
{
    private const string App = "2000";

    private static bool Final(EmulatedMessage m) => m.Embeds is { ValueKind: JsonValueKind.Array } e && e.GetArrayLength() > 0;

    private static async Task<IReadOnlyList<FeedbackEntry>> StoredAsync(BotHarness bot, int count)
    {
        var repository = bot.Host.Services.GetRequiredService<IFeedbackRepository>();
        for (var i = 0; i < 200; i++)
        {
            var entries = await repository.ForGuildAsync(DiscordEvents.GuildId, 100);
            if (entries.Count >= count) return entries;
            await Task.Delay(25);
        }
        return await repository.ForGuildAsync(DiscordEvents.GuildId, 100);
    }

    [Fact]
    public async Task Reactions_on_an_answer_are_stored_with_question_papers_and_server_and_counted()
    {
        long counted = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) => { if (instrument.Meter.Name == ResearchBot.Telemetry.ResearchBotMetrics.MeterName && instrument.Name == "researchbot.feedback") l.EnableMeasurementEvents(instrument); };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref counted, value));
        listener.Start();
        await using var bot = await BotHarness.StartAsync();
        await bot.ReadyAsync();
        await bot.MentionAsync("m1", "what is new in retrieval?");
        var reply = await bot.WaitForMessageAsync(m => m.ReplyTo == "m1" && Final(m), "the answer");

        await bot.Emulator.ReactAsync(reply.Id, "👎", userId: "601");
        await bot.Emulator.ReactAsync(reply.Id, "👍🏽", userId: "602");
        await bot.Emulator.ReactAsync(reply.Id, "🎉", userId: "603");
        await bot.Emulator.ReactAsync("m1", "👎", userId: "604");
        await bot.Emulator.ReactAsync(reply.Id, "👎", userId: bot.BotId);
        var stored = await StoredAsync(bot, 2);

        Assert.Equal(2, stored.Count);
        var down = stored.Single(e => e.Vote == FeedbackVote.Down);
        Assert.Equal(("601", DiscordEvents.GuildId, DiscordEvents.ChannelId, reply.Id), (down.UserId, down.GuildId, down.ChannelId, down.MessageId));
        Assert.Equal("what is new in retrieval?", down.Question);
        Assert.Equal(["2401.00001", "2401.00002"], down.PaperIds);
        Assert.Equal("602", stored.Single(e => e.Vote == FeedbackVote.Up).UserId);
        Assert.True(Interlocked.Read(ref counted) >= 2);

        await bot.Emulator.ReactAsync(reply.Id, "👎", userId: "601", remove: true);
        for (var i = 0; i < 200 && (await StoredAsync(bot, 0)).Count > 1; i++) await Task.Delay(25);
        Assert.Equal(FeedbackVote.Up, Assert.Single(await StoredAsync(bot, 0)).Vote);
    }

    [Fact]
    public async Task Feedback_shows_the_counts_to_manage_server_members_only()
    {
        await using var bot = await BotHarness.StartAsync();
        await bot.ReadyAsync();
        await bot.MentionAsync("m1", "what is new in retrieval?");
        var reply = await bot.WaitForMessageAsync(m => m.ReplyTo == "m1" && Final(m), "the answer");
        await bot.Emulator.ReactAsync(reply.Id, "👎", userId: "601");
        await bot.Emulator.ReactAsync(reply.Id, "👎", userId: "602");
        await bot.Emulator.ReactAsync(reply.Id, "👍", userId: "603");
        await StoredAsync(bot, 3);

        await bot.Gateway.DispatchAsync("INTERACTION_CREATE", DiscordEvents.Command("f1", "tf1", App, "feedback", userId: "601", permissions: DiscordEvents.MemberPermissions));
        var refused = await bot.Rest.Callbacks.WaitForAsync(c => c.InteractionId == "f1");
        Assert.Equal((4, true), (refused.Type, refused.IsEphemeral));
        Assert.Equal(FeedbackCommand.NeedsManageServer, refused.Data.GetProperty("content").GetString());

        await bot.Gateway.DispatchAsync("INTERACTION_CREATE", DiscordEvents.Command("f2", "tf2", App, "feedback"));
        var shown = await bot.WaitForMessageAsync(m => m.ChannelId == "interaction:tf2" && m.Content.Length > 0, "the feedback");
        Assert.True(shown.IsEphemeral);
        Assert.StartsWith("**Feedback in this server, last 30 days:** 👍 1 · 👎 2", shown.Content);
        Assert.Contains("“what is new in retrieval?” — cites 2401.00001, 2401.00002", shown.Content);
        Assert.Contains("Ranked lower here for similar questions:\n“what is new in retrieval?”: 2401.00001, 2401.00002", shown.Content);
    }

    [Fact]
    public async Task Papers_marked_down_twice_rank_lower_for_a_similar_search_in_that_server_only()
    {
        await using var bot = await BotHarness.StartAsync();
        for (var i = 0; i < 6; i++) bot.Library.More.Add(new ResearchBot.Papers.Paper { Id = $"2402.{i:00000}", Title = $"Retrieval study {i + 2}" });
        await bot.ReadyAsync();
        await bot.MentionAsync("m1", "what is new in retrieval?");
        var reply = await bot.WaitForMessageAsync(m => m.ReplyTo == "m1" && Final(m), "the answer");
        await bot.Emulator.ReactAsync(reply.Id, "👎", userId: "601");
        await bot.Emulator.ReactAsync(reply.Id, "👎", userId: "602");
        await StoredAsync(bot, 2);

        await bot.Gateway.DispatchAsync("INTERACTION_CREATE", DiscordEvents.Command("q1", "tq1", App, "search", new Dictionary<string, string> { ["query"] = "new retrieval" }));
        await bot.Gateway.DispatchAsync("INTERACTION_CREATE", DiscordEvents.Command("q2", "tq2", App, "search", new Dictionary<string, string> { ["query"] = "new retrieval" }, guildId: "301"));
        await bot.Gateway.DispatchAsync("INTERACTION_CREATE", DiscordEvents.Command("q3", "tq3", App, "search", new Dictionary<string, string> { ["query"] = "sparse experts routing" }));
        var here = await bot.WaitForMessageAsync(m => m.ChannelId == "interaction:tq1" && m.Content.Length > 0, "the search in server 300");
        var elsewhere = await bot.WaitForMessageAsync(m => m.ChannelId == "interaction:tq2" && m.Content.Length > 0, "the search in server 301");
        var unrelated = await bot.WaitForMessageAsync(m => m.ChannelId == "interaction:tq3" && m.Content.Length > 0, "the unrelated search");

        Assert.StartsWith("Papers about **new retrieval** — 1–5 of 7:\n\n[1] [Retrieval study 2]", here.Content);
        Assert.StartsWith("Papers about **new retrieval** — 1–5 of 7:\n\n[1] [Retrieval augmented generation at scale]", elsewhere.Content);
        Assert.Contains("[1] [Retrieval augmented generation at scale]", unrelated.Content);
        var lastPage = bot.Host.Services.GetRequiredService<ISavedSearchRepository>();
        Assert.Equal("2401.00001", (await lastPage.GetAsync("q1"))!.Results[^1].Id);
    }

    [Fact]
    public async Task A_reaction_after_a_restart_is_stored_for_the_answer_posted_before()
    {
        var emulator = await DiscordEmulator.StartAsync();
        await using var _ = emulator;
        var store = Path.Combine(Path.GetTempPath(), $"researchbot-reactions-{Guid.NewGuid():N}.db");
        EmulatedMessage reply;
        await using (var before = await BotHarness.StartAsync(emulator: emulator, storePath: store))
        {
            await before.ReadyAsync();
            await before.MentionAsync("m1", "what is new in retrieval?");
            reply = await before.WaitForMessageAsync(m => m.ReplyTo == "m1" && Final(m), "the answer");
        }

        await using var after = await BotHarness.StartAsync(emulator: emulator, storePath: store);
        await after.ReadyAsync(nth: 2);
        await emulator.ReactAsync(reply.Id, "👎", userId: "601");
        var stored = Assert.Single(await StoredAsync(after, 1));

        Assert.Equal(("what is new in retrieval?", FeedbackVote.Down), (stored.Question, stored.Vote));
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(store + suffix);
    }
}
