using System.Text.Json;
using System.Text.RegularExpressions;
using ResearchBot.Answering;
using ResearchBot.Discord.Tests.Support;
using ResearchBot.TestSupport.Discord;

namespace ResearchBot.Discord.Tests;

/// <summary>The bot end to end: gateway events in, REST calls out, against the emulator.</summary>
public class BotTests
{
    private const string Channel = DiscordEvents.ChannelId;

    private static bool Final(EmulatedMessage m) => m.Embeds is { ValueKind: JsonValueKind.Array } e && e.GetArrayLength() > 0;

    private static void AssertPingsNobody(BotHarness bot)
    {
        var requests = bot.MessageRequests();
        Assert.NotEmpty(requests);
        Assert.All(requests, r =>
        {
            var allowed = r.Json.GetProperty("allowed_mentions");
            Assert.Equal(0, allowed.GetProperty("parse").GetArrayLength());
            Assert.False(allowed.GetProperty("replied_user").GetBoolean());
            Assert.False(allowed.TryGetProperty("users", out _));
            Assert.False(allowed.TryGetProperty("roles", out _));
        });
    }

    [Fact]
    public async Task A_mention_gets_a_typing_indicator_and_a_cited_reply_that_pings_nobody_then_a_thread()
    {
        await using var bot = await BotHarness.StartAsync();
        await bot.ReadyAsync();

        await bot.MentionAsync("m1", "what is new in retrieval?");
        var reply = await bot.WaitForMessageAsync(m => m.ReplyTo == "m1" && Final(m), "the final reply");
        var thread = await bot.Rest.Threads.WaitForAsync(t => t.MessageId == "m1");
        var requests = bot.Rest.Requests.Snapshot().Select(r => $"{r.Method} {r.Path}").ToList();

        Assert.Equal("what is new in retrieval?", bot.Answers.Requests.Snapshot().Single().Question);
        Assert.Empty(bot.Answers.Requests.Snapshot().Single().History);
        Assert.Equal(Channel, reply.ChannelId);
        Assert.Contains("retrieval helps [1], and sparsity too [2].", reply.Content);
        var sources = reply.Embeds!.Value[0].GetProperty("description").GetString();
        Assert.Contains("[1] [Retrieval \\[augmented\\] generation at scale](https://arxiv.org/abs/2401.00001) · 2026-11-20", sources);
        Assert.Contains("[2] [Sparse mixtures](https://arxiv.org/abs/2401.00002)", sources);
        Assert.True(requests.IndexOf($"POST channels/{Channel}/typing") < requests.IndexOf($"POST channels/{Channel}/messages"));
        Assert.Equal(Channel, thread.ParentId);
        AssertPingsNobody(bot);
    }

    [Fact]
    public async Task A_direct_message_gets_an_answer_without_a_mention()
    {
        await using var bot = await BotHarness.StartAsync();
        await bot.ReadyAsync();

        await bot.Gateway.DispatchAsync("MESSAGE_CREATE", DiscordEvents.Message("d1", "what about sparsity?", channelId: "777", guildId: null));
        var reply = await bot.WaitForMessageAsync(m => m.ReplyTo == "d1" && Final(m), "the DM reply");

        Assert.Equal("777", reply.ChannelId);
        Assert.Contains("sparsity too [2]", reply.Content);
        Assert.Empty(bot.Rest.Threads.Snapshot());
    }

    [Fact]
    public async Task A_follow_up_in_the_thread_is_answered_with_the_conversation_so_far()
    {
        await using var bot = await BotHarness.StartAsync();
        await bot.ReadyAsync();
        await bot.MentionAsync("m1", "what is new in retrieval?");
        var threadId = await bot.WaitForThreadConversationAsync("m1");

        await bot.Gateway.DispatchAsync("MESSAGE_CREATE", DiscordEvents.Message("f1", "and how does it scale?", channelId: threadId));
        var reply = await bot.WaitForMessageAsync(m => m.ReplyTo == "f1" && Final(m), "the follow-up reply");
        var followUp = bot.Answers.Requests.Snapshot()[1];

        Assert.Equal(threadId, reply.ChannelId);
        Assert.Equal("and how does it scale?", followUp.Question);
        Assert.Equal(
            [("user", "what is new in retrieval?"), ("assistant", "About \"what is new in retrieval?\": retrieval helps [1], and sparsity too [2].")],
            followUp.History.Select(t => (t.Role, t.Text)));
        Assert.Null(followUp.History[0].Sources);
        Assert.NotNull(followUp.History[1].Sources); // the answer's sources, so the condenser can name what [1] and [2] were
        Assert.Single(bot.Rest.Threads.Snapshot());
    }

    [Fact]
    public async Task Messages_not_for_the_bot_are_ignored()
    {
        await using var bot = await BotHarness.StartAsync();
        await bot.ReadyAsync();

        await bot.Gateway.DispatchAsync("MESSAGE_CREATE", DiscordEvents.Message("n1", "just chatting"));
        await bot.Gateway.DispatchAsync("MESSAGE_CREATE", DiscordEvents.Message("b1", $"<@{bot.BotId}> hi", authorId: "42", mentions: [bot.BotId], authorIsBot: true));
        await bot.MentionAsync("m3", "a real question");
        await bot.WaitForMessageAsync(m => m.ReplyTo == "m3" && Final(m), "the reply to the real question");

        Assert.Equal(["a real question"], bot.Answers.Requests.Snapshot().Select(r => r.Question));
        Assert.DoesNotContain(bot.Rest.Messages.Snapshot(), m => m.ReplyTo is "n1" or "b1");
    }

    [Fact]
    public async Task Slash_ask_is_deferred_at_once_then_the_original_response_is_edited_with_the_answer()
    {
        await using var bot = await BotHarness.StartAsync();
        await bot.ReadyAsync();
        bot.Answers.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        await bot.Gateway.DispatchAsync("INTERACTION_CREATE",
            DiscordEvents.Command("i1", "itoken", bot.Gateway.ApplicationId, "ask", new Dictionary<string, string> { ["question"] = "what is RAG?" }));
        var deferral = await bot.Rest.Requests.WaitForAsync(r => r.Is("POST", "interactions/i1/itoken/callback"));
        await bot.Answers.Requests.WaitForAsync(_ => true);
        var editedBeforeTheAnswer = bot.Rest.Requests.Snapshot().Any(r => r.Path.StartsWith("webhooks/"));
        bot.Answers.Gate.SetResult();
        var original = await bot.WaitForMessageAsync(m => m.ChannelId == "interaction:itoken" && Final(m), "the edited original response");

        Assert.Equal(5, deferral.Json.GetProperty("type").GetInt32());
        Assert.Null(deferral.Authorization);
        Assert.False(editedBeforeTheAnswer);
        Assert.Equal("original:itoken", original.Id);
        Assert.Contains("About \"what is RAG?\"", original.Content);
        Assert.All(bot.Rest.Requests.Snapshot().Where(r => r.Path.StartsWith("webhooks/")),
            r => Assert.Equal($"webhooks/{bot.Gateway.ApplicationId}/itoken/messages/@original", r.Path));
        AssertPingsNobody(bot);
    }

    [Fact]
    public async Task Slash_search_paper_and_digest_edit_the_original_response()
    {
        await using var bot = await BotHarness.StartAsync();
        await bot.ReadyAsync();
        var app = bot.Gateway.ApplicationId;

        await bot.Gateway.DispatchAsync("INTERACTION_CREATE", DiscordEvents.Command("i1", "t1", app, "search", new Dictionary<string, string> { ["query"] = "rag" }));
        await bot.Gateway.DispatchAsync("INTERACTION_CREATE", DiscordEvents.Command("i2", "t2", app, "paper", new Dictionary<string, string> { ["id"] = "https://arxiv.org/abs/2401.00001v2" }));
        await bot.Gateway.DispatchAsync("INTERACTION_CREATE", DiscordEvents.Command("i3", "t3", app, "digest", new Dictionary<string, string> { ["date"] = "2026-11-20" }));
        await bot.Gateway.DispatchAsync("INTERACTION_CREATE", DiscordEvents.Command("i4", "t4", app, "digest", new Dictionary<string, string> { ["date"] = "yesterday" }));
        var search = await bot.WaitForMessageAsync(m => m.Id == "original:t1", "/search");
        var paper = await bot.WaitForMessageAsync(m => m.Id == "original:t2", "/paper");
        var digest = await bot.WaitForMessageAsync(m => m.Id == "original:t3" && Final(m), "/digest");
        var badDate = await bot.WaitForMessageAsync(m => m.Id == "original:t4", "/digest with a bad date");

        Assert.Contains("[1] [Retrieval augmented generation at scale](https://arxiv.org/abs/2401.00001)", search.Content);
        Assert.StartsWith("**Retrieval augmented generation at scale**\nAda, Alan", paper.Content);
        Assert.Contains("Daily papers — Friday, 20 November 2026", digest.Content);
        Assert.Equal([new DateOnly(2026, 11, 20)], bot.Library.DigestRequests.Snapshot().Cast<DateOnly>());
        Assert.Contains("YYYY-MM-DD", badDate.Content);
    }

    [Fact]
    public async Task Slash_paper_with_an_unknown_id_says_so_politely()
    {
        await using var bot = await BotHarness.StartAsync();
        await bot.ReadyAsync();

        await bot.Gateway.DispatchAsync("INTERACTION_CREATE",
            DiscordEvents.Command("i1", "t1", bot.Gateway.ApplicationId, "paper", new Dictionary<string, string> { ["id"] = "2499.99999" }));
        var reply = await bot.WaitForMessageAsync(m => m.Id == "original:t1", "/paper");

        Assert.StartsWith("No paper with arXiv id 2499.99999 is in the store (its arXiv page: https://arxiv.org/abs/2499.99999)", reply.Content);
    }

    [Fact]
    public async Task Slash_commands_are_registered_in_the_guild_when_one_is_configured()
    {
        await using var bot = await BotHarness.StartAsync();
        await bot.ReadyAsync();

        var put = bot.Rest.Requests.Snapshot().Single(r => r.Method == "PUT");

        Assert.Equal($"applications/{bot.Gateway.ApplicationId}/guilds/{DiscordEvents.GuildId}/commands", put.Path);
        Assert.Equal(["ask", "search", "digest", "paper", "subscribe", "unsubscribe", "subscriptions", "feedback", "settings"],
            put.Json.EnumerateArray().Select(c => c.GetProperty("name").GetString()));
        Assert.Equal("Bot " + BotHarness.Token, put.Authorization);
    }

    [Fact]
    public async Task Slash_commands_are_registered_globally_without_a_guild()
    {
        await using var bot = await BotHarness.StartAsync(new Dictionary<string, string?> { ["GuildId"] = "" });
        await bot.ReadyAsync();

        Assert.Equal($"applications/{bot.Gateway.ApplicationId}/commands", bot.Rest.Requests.Snapshot().Single(r => r.Method == "PUT").Path);
    }

    [Fact]
    public async Task A_5000_character_answer_is_three_messages_none_over_2000_and_no_citation_split()
    {
        await using var bot = await BotHarness.StartAsync();
        await bot.ReadyAsync();
        var paragraph = string.Join(' ', Enumerable.Repeat("Retrieval grounds the answer in evidence [1] and sparse experts cut cost [2].", 5));
        var text = string.Join("\n\n", Enumerable.Repeat(paragraph, 13))[..4991] + " end [1].";
        bot.Answers.Text = _ => text;
        bot.Answers.Pieces = 10;

        await bot.MentionAsync("m1", "tell me everything");
        await bot.WaitForMessageAsync(m => m.ChannelId == Channel && Final(m), "the last message with the sources");
        var messages = bot.Rest.MessagesIn(Channel);

        Assert.Equal(5000, text.Length);
        Assert.Equal(3, messages.Count);
        Assert.Equal("m1", messages[0].ReplyTo);
        Assert.All(messages, m => Assert.InRange(m.Content.Length, 1, 2000));
        Assert.All(messages, m => Assert.DoesNotMatch(@"\[\d*$|^\d*\]", m.Content));
        Assert.Equal(Regex.Matches(text, @"\[\d\]").Count, messages.Sum(m => Regex.Matches(m.Content, @"\[\d\]").Count));
        Assert.True(Final(messages[2]));
        AssertPingsNobody(bot);
    }

    [Fact]
    public async Task A_long_slash_ask_answer_edits_the_original_and_continues_in_follow_ups()
    {
        await using var bot = await BotHarness.StartAsync();
        await bot.ReadyAsync();
        bot.Answers.Text = _ => string.Join("\n\n", Enumerable.Range(1, 40).Select(n => $"Point {n}: {new string('x', 100)} [1]."));

        await bot.Gateway.DispatchAsync("INTERACTION_CREATE",
            DiscordEvents.Command("i1", "tok", bot.Gateway.ApplicationId, "ask", new Dictionary<string, string> { ["question"] = "everything?" }));
        await bot.WaitForMessageAsync(m => m.ChannelId == "interaction:tok" && Final(m), "the last follow-up with the sources");
        var messages = bot.Rest.MessagesIn("interaction:tok");

        Assert.Equal(3, messages.Count);
        Assert.Equal("original:tok", messages[0].Id);
        Assert.StartsWith("Point 1:", messages[0].Content);
        Assert.EndsWith("Point 40: " + new string('x', 100) + " [1].", messages[2].Content);
        Assert.All(messages, m => Assert.InRange(m.Content.Length, 1, 2000));
        AssertPingsNobody(bot);
    }

    [Fact]
    public async Task An_answer_containing_everyone_pings_nobody()
    {
        await using var bot = await BotHarness.StartAsync();
        await bot.ReadyAsync();
        bot.Answers.Text = _ => "@everyone and @here, <@&123> <@600>: see [1].";

        await bot.MentionAsync("m1", "ping test");
        var reply = await bot.WaitForMessageAsync(m => m.ReplyTo == "m1" && Final(m), "the reply");

        Assert.Contains("@everyone", reply.Content);
        Assert.Equal(0, reply.AllowedMentions!.Value.GetProperty("parse").GetArrayLength());
        AssertPingsNobody(bot);
    }

    [Fact]
    public async Task The_streamed_reply_is_edited_at_most_once_per_interval()
    {
        await using var bot = await BotHarness.StartAsync();
        await bot.ReadyAsync();
        bot.Answers.Pieces = 6;
        bot.Answers.AfterPiece = _ => bot.Clock.Advance(TimeSpan.FromMilliseconds(400));

        await bot.MentionAsync("m1", "stream it");
        var reply = await bot.WaitForMessageAsync(m => m.ReplyTo == "m1" && Final(m), "the final reply");
        var updates = bot.MessageRequests().Where(r => r.Path.StartsWith($"channels/{Channel}/messages")).ToList();

        // Pieces at 0, 0.4, 0.8, 1.2, 1.6, 2.0 s: shown at 0 and 1.2 s, then the final edit.
        Assert.Equal(["POST", "PATCH", "PATCH"], updates.Select(r => r.Method));
        Assert.Equal(2, reply.Edits);
        Assert.Equal(bot.Answers.Text(bot.Answers.Requests.Snapshot()[0]), reply.Content);
    }

    [Fact]
    public async Task Without_time_passing_many_pieces_cause_one_preview_and_the_final_edit()
    {
        await using var bot = await BotHarness.StartAsync();
        await bot.ReadyAsync();
        bot.Answers.Pieces = 20;

        await bot.MentionAsync("m1", "stream it fast");
        var reply = await bot.WaitForMessageAsync(m => m.ReplyTo == "m1" && Final(m), "the final reply");

        Assert.Equal(1, reply.Edits);
    }

    [Fact]
    public async Task Over_long_questions_are_refused_politely()
    {
        await using var bot = await BotHarness.StartAsync();
        await bot.ReadyAsync();

        await bot.MentionAsync("m1", new string('?', 301));
        var reply = await bot.WaitForMessageAsync(m => m.ReplyTo == "m1", "the refusal");

        Assert.Contains("under 300 characters", reply.Content);
        Assert.Empty(bot.Answers.Requests.Snapshot());
    }

    [Fact]
    public async Task A_user_asking_again_within_the_cooldown_is_asked_to_wait()
    {
        await using var bot = await BotHarness.StartAsync(new Dictionary<string, string?> { ["UserCooldown"] = "00:01:00" });
        await bot.ReadyAsync();
        await bot.MentionAsync("m1", "first");
        await bot.WaitForMessageAsync(m => m.ReplyTo == "m1" && Final(m), "the first answer");

        await bot.MentionAsync("m2", "second");
        var refusal = await bot.WaitForMessageAsync(m => m.ReplyTo == "m2", "the refusal");

        Assert.Contains("please wait 60 s", refusal.Content);
        Assert.Single(bot.Answers.Requests.Snapshot());
    }

    [Fact]
    public async Task A_channel_at_its_limit_of_answers_in_flight_refuses_politely()
    {
        await using var bot = await BotHarness.StartAsync(new Dictionary<string, string?> { ["MaxAnswersInFlightPerChannel"] = "1" });
        await bot.ReadyAsync();
        bot.Answers.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await bot.MentionAsync("m1", "slow question", userId: "601");
        await bot.Answers.Requests.WaitForAsync(_ => true);

        await bot.MentionAsync("m2", "another", userId: "602");
        var refusal = await bot.WaitForMessageAsync(m => m.ReplyTo == "m2", "the refusal");
        bot.Answers.Gate.SetResult();
        await bot.WaitForMessageAsync(m => m.ReplyTo == "m1" && Final(m), "the first answer");

        Assert.Contains("already working on 1 question in this channel", refusal.Content);
        Assert.Single(bot.Answers.Requests.Snapshot());
    }
}
