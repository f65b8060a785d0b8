using ResearchBot.Discord.Tests.Support;
using ResearchBot.Papers;
using ResearchBot.TestSupport.Discord;

namespace ResearchBot.Discord.Tests.Components;

/// <summary>/search in pages of five with Previous/Next, turned through the emulator (also after a restart and by someone else).</summary>
public class SearchPageTests
{
    private const string App = "2000";

    private static void AddResults(BotHarness bot, int count)
    {
        for (var i = 0; i < count; i++)
            bot.Library.More.Add(new Paper { Id = $"2402.{i:00000}", Title = $"Retrieval study {i + 2}", Url = $"https://arxiv.org/abs/2402.{i:00000}" });
    }

    private static async Task<EmulatedMessage> SearchAsync(BotHarness bot, string id = "i1")
    {
        await bot.Gateway.DispatchAsync("INTERACTION_CREATE", DiscordEvents.Command(id, "t" + id, App, "search", new Dictionary<string, string> { ["query"] = "retrieval" }));
        return await bot.WaitForMessageAsync(m => m.ChannelId == "interaction:t" + id && m.Content.Length > 0, "the first page");
    }

    private static Task<EmulatedMessage> PageAsync(BotHarness bot, string messageId, string text) =>
        bot.WaitForMessageAsync(m => m.Id == messageId && m.Content.Contains(text, StringComparison.Ordinal), $"the page '{text}'");

    [Fact]
    public async Task Results_come_in_pages_of_five_and_the_searcher_turns_them()
    {
        await using var bot = await BotHarness.StartAsync();
        AddResults(bot, 11);
        await bot.ReadyAsync();

        var first = await SearchAsync(bot);
        Assert.StartsWith("Papers about **retrieval** — 1–5 of 12:", first.Content);
        Assert.Equal(5, first.Content.Split('\n').Count(l => l.StartsWith('[')));
        Assert.Equal(["rb1:pg:i1:0", "rb1:pg:i1:1"], first.ButtonIds);
        Assert.True(first.Components!.Value[0].GetProperty("components")[0].GetProperty("disabled").GetBoolean());

        await bot.Emulator.ClickAsync("n1", "rb1:pg:i1:1", first.Id);
        var second = await PageAsync(bot, first.Id, "6–10 of 12");
        Assert.Contains("[6] [Retrieval study 6]", second.Content);
        Assert.Equal(["rb1:pg:i1:0", "rb1:pg:i1:2"], second.ButtonIds);
        Assert.Equal(7, bot.Rest.Callbacks.Snapshot().Single(c => c.InteractionId == "n1").Type);

        await bot.Emulator.ClickAsync("n2", "rb1:pg:i1:2", first.Id);
        var last = await PageAsync(bot, first.Id, "11–12 of 12");
        Assert.Equal(["rb1:pg:i1:1", "rb1:pg:i1:2"], last.ButtonIds);
        Assert.True(last.Components!.Value[0].GetProperty("components")[1].GetProperty("disabled").GetBoolean());
    }

    [Fact]
    public async Task A_single_page_has_no_buttons()
    {
        await using var bot = await BotHarness.StartAsync();
        AddResults(bot, 3);
        await bot.ReadyAsync();

        var page = await SearchAsync(bot);

        Assert.StartsWith("Papers about **retrieval**:", page.Content);
        Assert.Empty(page.ButtonIds);
    }

    [Fact]
    public async Task Someone_else_s_click_shows_them_the_page_alone_and_leaves_the_shared_message()
    {
        await using var bot = await BotHarness.StartAsync();
        AddResults(bot, 11);
        await bot.ReadyAsync();
        var first = await SearchAsync(bot);
        var edits = first.Edits;

        await bot.Emulator.ClickAsync("n3", "rb1:pg:i1:1", first.Id, userId: "601", permissions: DiscordEvents.MemberPermissions);
        var callback = await bot.Rest.Callbacks.WaitForAsync(c => c.InteractionId == "n3");

        Assert.Equal(4, callback.Type);
        Assert.True(callback.IsEphemeral);
        Assert.Contains("Only the person who searched can turn these pages", callback.Data.GetProperty("content").GetString());
        Assert.Contains("6–10 of 12", callback.Data.GetProperty("content").GetString());
        Assert.Equal(edits, bot.Rest.Message(first.Id)!.Edits);
        Assert.StartsWith("Papers about **retrieval** — 1–5 of 12:", bot.Rest.Message(first.Id)!.Content);
    }

    [Fact]
    public async Task Pages_turn_after_a_restart()
    {
        var emulator = await DiscordEmulator.StartAsync();
        await using var _ = emulator;
        var store = Path.Combine(Path.GetTempPath(), $"researchbot-pages-{Guid.NewGuid():N}.db");
        EmulatedMessage first;
        await using (var before = await BotHarness.StartAsync(emulator: emulator, storePath: store))
        {
            AddResults(before, 11);
            await before.ReadyAsync();
            first = await SearchAsync(before);
        }

        await using var after = await BotHarness.StartAsync(emulator: emulator, storePath: store);
        await after.ReadyAsync(nth: 2);
        await emulator.ClickAsync("n4", "rb1:pg:i1:2", first.Id);
        var last = await PageAsync(after, first.Id, "11–12 of 12");

        Assert.Contains("[12] [Retrieval study 12]", last.Content);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(store + suffix);
    }
}
