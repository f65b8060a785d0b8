using System.Text.Json;
using Microsoft.Extensions.Logging;
using ResearchBot.Discord.Bot.Components;
using ResearchBot.Discord.Tests.Support;
using ResearchBot.Papers;
using ResearchBot.TestSupport.Discord;

namespace ResearchBot.Discord.Tests.Components;

/// <summary>The buttons under an answer, clicked through the emulator: Sources, More like this, BibTeX, after a restart, and stale clicks.</summary>
public class AnswerButtonTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private static bool Final(EmulatedMessage m) => m.Embeds is { ValueKind: JsonValueKind.Array } e && e.GetArrayLength() > 0;

    private static async Task<EmulatedMessage> AskAsync(BotHarness bot, string id = "m1")
    {
        await bot.MentionAsync(id, "what is new in retrieval?");
        return await bot.WaitForMessageAsync(m => m.ReplyTo == id && Final(m) && m.ButtonIds.Count > 0, "the answer with its buttons");
    }

    private static Task<EmulatedMessage> EphemeralReplyAsync(BotHarness bot, string interactionId, Func<EmulatedMessage, bool>? done = null) =>
        bot.WaitForMessageAsync(m => m.ChannelId == "interaction:tok-" + interactionId && (done ?? (x => x.Content.Length > 0))(m), $"the reply to click {interactionId}");

    [Fact]
    public async Task An_answer_carries_three_buttons_whose_ids_name_the_stored_answer_within_discord_limits()
    {
        await using var bot = await BotHarness.StartAsync();
        await bot.ReadyAsync();

        var reply = await AskAsync(bot);

        Assert.Equal(["rb1:src:m1", "rb1:more:m1", "rb1:bib:m1"], reply.ButtonIds);
        output.WriteLine("answer components: " + reply.Components!.Value.GetRawText());
        var commands = bot.Rest.Requests.Snapshot().Single(r => r.Method == "PUT").Json.EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!);
        Assert.True(commands["paper"].GetProperty("options")[0].GetProperty("autocomplete").GetBoolean());
        Assert.True(commands["digest"].GetProperty("options")[0].GetProperty("autocomplete").GetBoolean());
        Assert.Equal("32", commands["feedback"].GetProperty("default_member_permissions").GetString());
        Assert.Equal("16", commands["subscribe"].GetProperty("default_member_permissions").GetString());
        Assert.False(commands["subscriptions"].TryGetProperty("default_member_permissions", out _));
        var rows = reply.Components!.Value;
        Assert.Equal(1, rows.GetArrayLength());
        Assert.Equal(["Sources", "More like this", "BibTeX"], rows[0].GetProperty("components").EnumerateArray().Select(b => b.GetProperty("label").GetString()));
        Assert.All(bot.MessageRequests(), r =>
        {
            if (!r.Json.TryGetProperty("components", out var c)) return;
            Assert.True(c.GetArrayLength() <= 5);
            Assert.All(c.EnumerateArray(), row => Assert.True(row.GetProperty("components").GetArrayLength() <= 5));
            Assert.All(c.EnumerateArray().SelectMany(row => row.GetProperty("components").EnumerateArray()), b => Assert.True(b.GetProperty("custom_id").GetString()!.Length <= 100));
        });
    }

    [Fact]
    public async Task Sources_replies_to_the_clicker_alone_with_each_source_its_first_sentences_and_link()
    {
        await using var bot = await BotHarness.StartAsync();
        await bot.ReadyAsync();
        var reply = await AskAsync(bot);
        var edits = reply.Edits;

        await bot.Emulator.ClickAsync("c1", "rb1:src:m1", reply.Id, userId: "601", permissions: DiscordEvents.MemberPermissions);
        var sources = await EphemeralReplyAsync(bot, "c1", Final);

        var callback = bot.Rest.Callbacks.Snapshot().Single(c => c.InteractionId == "c1");
        output.WriteLine("callback: " + callback.Data.GetRawText());
        output.WriteLine("sources reply: " + bot.Rest.Requests.Snapshot().Last(r => r.Path.Contains("tok-c1/messages/@original", StringComparison.Ordinal)).Body);
        Assert.Equal(5, callback.Type);
        Assert.True(callback.IsEphemeral);
        Assert.True(sources.IsEphemeral);
        Assert.Equal("Sources of this answer:", sources.Content);
        var embeds = sources.Embeds!.Value.EnumerateArray().ToList();
        Assert.Equal(2, embeds.Count);
        Assert.Equal("[1] Retrieval [augmented] generation at scale", embeds[0].GetProperty("title").GetString());
        Assert.Equal("https://arxiv.org/abs/2401.00001", embeds[0].GetProperty("url").GetString());
        Assert.StartsWith("We scale RAG.", embeds[0].GetProperty("description").GetString());
        Assert.Equal("Sparse mixtures of experts route tokens. They scale well.", embeds[1].GetProperty("description").GetString());
        Assert.Equal(edits, reply.Edits);
    }

    [Fact]
    public async Task BibTeX_attaches_a_bib_file_of_the_cited_papers_written_by_the_shared_BibTex_code()
    {
        await using var bot = await BotHarness.StartAsync();
        await bot.ReadyAsync();
        var reply = await AskAsync(bot);

        await bot.Emulator.ClickAsync("c2", "rb1:bib:m1", reply.Id);
        var bib = await EphemeralReplyAsync(bot, "c2", m => m.Files.Count > 0);

        Assert.True(bib.IsEphemeral);
        Assert.Equal("BibTeX for the 2 papers this answer cites:", bib.Content);
        var (name, text) = Assert.Single(bib.Files);
        Assert.Equal("researchbot-m1.bib", name);
        Assert.Equal(BibTex.Write([FakeLibrary.Rag, FakeLibrary.Sparse]), text);
        Assert.Contains("@misc{2401.00001,", text);
        var upload = bot.Rest.Requests.Snapshot().Single(r => r.Files.Count > 0);
        Assert.Equal("PATCH", upload.Method);
        Assert.Equal("researchbot-m1.bib", upload.Json.GetProperty("attachments")[0].GetProperty("filename").GetString());
    }

    [Fact]
    public async Task More_like_this_lists_papers_close_to_the_cited_ones_but_not_the_answer_s_own_sources()
    {
        await using var bot = await BotHarness.StartAsync();
        bot.Library.More.Add(new Paper { Id = "2401.00003", Title = "Retrieval at web scale", Url = "https://arxiv.org/abs/2401.00003" });
        bot.Library.More.Add(new Paper { Id = "2401.00004", Title = "Dense retrievers revisited", Url = "https://arxiv.org/abs/2401.00004" });
        await bot.ReadyAsync();
        var reply = await AskAsync(bot);

        await bot.Emulator.ClickAsync("c3", "rb1:more:m1", reply.Id);
        var more = await EphemeralReplyAsync(bot, "c3");

        Assert.True(more.IsEphemeral);
        Assert.StartsWith("Papers close to [1], [2]:", more.Content);
        Assert.Contains("[1] [Retrieval at web scale](https://arxiv.org/abs/2401.00003)", more.Content);
        Assert.Contains("[2] [Dense retrievers revisited](https://arxiv.org/abs/2401.00004)", more.Content);
        Assert.DoesNotContain("2401.00001", more.Content);
        Assert.DoesNotContain("2401.00002", more.Content);
    }

    [Fact]
    public async Task A_click_after_a_restart_is_answered_from_the_store()
    {
        var emulator = await DiscordEmulator.StartAsync();
        await using var _ = emulator;
        var store = Path.Combine(Path.GetTempPath(), $"researchbot-restart-{Guid.NewGuid():N}.db");
        EmulatedMessage reply;
        await using (var first = await BotHarness.StartAsync(emulator: emulator, storePath: store))
        {
            await first.ReadyAsync();
            reply = await AskAsync(first);
        }

        await using var second = await BotHarness.StartAsync(emulator: emulator, storePath: store);
        await second.ReadyAsync(nth: 2);
        await emulator.ClickAsync("c4", "rb1:src:m1", reply.Id);
        var sources = await EphemeralReplyAsync(second, "c4", Final);

        Assert.Empty(second.Answers.Requests.Snapshot());
        Assert.Equal("[1] Retrieval [augmented] generation at scale", sources.Embeds!.Value[0].GetProperty("title").GetString());
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(store + suffix);
    }

    [Fact]
    public async Task Unknown_and_forgotten_buttons_get_a_short_ephemeral_notice()
    {
        await using var bot = await BotHarness.StartAsync();
        await bot.ReadyAsync();

        await bot.Emulator.ClickAsync("c5", "rb1:src:999", "4242");
        await bot.Emulator.ClickAsync("c6", "someone-else:button", "4242");
        await bot.Emulator.ClickAsync("c7", "rb1:pg:888:1", "4242");
        var callbacks = await bot.Rest.Callbacks.WaitForCountAsync(_ => true, 3, what: "three callbacks");

        Assert.All(callbacks, c => { Assert.Equal(4, c.Type); Assert.True(c.IsEphemeral); });
        var texts = callbacks.ToDictionary(c => c.InteractionId, c => c.Data.GetProperty("content").GetString());
        Assert.Equal(ComponentHandler.AnswerGone, texts["c5"]);
        Assert.Equal(ComponentHandler.UnknownButton, texts["c6"]);
        Assert.Equal(ComponentHandler.SearchGone, texts["c7"]);
    }

    [Fact]
    public async Task An_expired_click_is_logged_not_treated_as_an_error()
    {
        await using var bot = await BotHarness.StartAsync(emulatorSetup: e => e.Rest.Script(r => r.Path.StartsWith("interactions/c8/", StringComparison.Ordinal),
            new ScriptedResponse(404, """{"message":"Unknown interaction","code":10062}""")));
        await bot.ReadyAsync();
        var reply = await AskAsync(bot);

        await bot.Emulator.ClickAsync("c8", "rb1:src:m1", reply.Id);
        await bot.Rest.Requests.WaitForAsync(r => r.Path.StartsWith("interactions/c8/", StringComparison.Ordinal) && r.Status == 404);
        await bot.Emulator.ClickAsync("c9", "rb1:src:m1", reply.Id);
        await EphemeralReplyAsync(bot, "c9", Final);

        var expired = await bot.Logs.Lines.WaitForAsync(e => e.Text.Contains("expired", StringComparison.Ordinal), what: "the expired click logged");
        Assert.Equal(LogLevel.Information, expired.Level);
        Assert.DoesNotContain(bot.Logs.Lines.Snapshot(), e => e.Level >= LogLevel.Error);
    }
}
