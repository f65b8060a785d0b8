using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using ResearchBot.Answering;
using ResearchBot.Discord.Tests.Support;
using ResearchBot.Retrieval;
using ResearchBot.Storage;
using ResearchBot.TestSupport.Discord;
using ResearchBot.TestSupport.Fakes;

namespace ResearchBot.Discord.Tests;

/// <summary>
/// "[2]", "the second one", "/paper 1" in a Discord thread, through the real answer pipeline (offline) over the test
/// papers: each follow-up is answered from exactly the papers of the last numbered list shown in that thread.
/// </summary>
public sealed partial class ReferenceTests
{
    // Cites Keyformer, TriForce and RAPID (the three test papers about the KV cache or long-context inference).
    private const string Question = "KV cache and speculative decoding for long-context inference";

    private static Task<BotHarness> StartAsync() => BotHarness.StartAsync(services: (services, configuration) =>
    {
        var store = new FakePaperStore(TestPapers.All);
        services.AddSingleton<IPaperStore>(store);
        services.AddSingleton<IPaperSearch>(new FakePaperSearch(store));
        services.AddAnswering(configuration);
    });

    private static bool Final(EmulatedMessage m) => m.Embeds is { ValueKind: JsonValueKind.Array } e && e.GetArrayLength() > 0;

    /// <summary>The sources embed of a reply: number → its line.</summary>
    private static Dictionary<int, string> Sources(EmulatedMessage m) =>
        SourceLine().Matches(m.Embeds!.Value[0].GetProperty("description").GetString()!).ToDictionary(x => int.Parse(x.Groups[1].Value), x => x.Value);

    private static async Task<(BotHarness Bot, string Thread, Dictionary<int, string> First)> StartConversationAsync()
    {
        var bot = await StartAsync();
        await bot.ReadyAsync();
        await bot.MentionAsync("m1", Question);
        var first = Sources(await bot.WaitForMessageAsync(m => m.ReplyTo == "m1" && Final(m), "the first answer"));
        return (bot, await bot.WaitForThreadConversationAsync("m1"), first);
    }

    private static async Task<EmulatedMessage> SayAsync(BotHarness bot, string thread, string id, string text, Func<EmulatedMessage, bool>? done = null)
    {
        await bot.Gateway.DispatchAsync("MESSAGE_CREATE", DiscordEvents.Message(id, text, channelId: thread));
        return await bot.WaitForMessageAsync(m => m.ReplyTo == id && (done ?? Final)(m), $"the reply to '{text}'");
    }

    [Fact]
    public async Task Every_reference_form_in_a_thread_is_answered_from_exactly_the_papers_it_names()
    {
        var (bot, thread, first) = await StartConversationAsync();
        await using var _ = bot;
        Assert.Equal([1, 2, 3], first.Keys.Order());
        var triForce = first.Single(kv => kv.Value.Contains("TriForce", StringComparison.Ordinal)).Key;
        (string Line, int[] Numbers)[] followUps =
        [
            ("tell me more about [2]", [2]),
            ("compare [1] and [3]", [1, 3]),
            ("what do [1-3] propose?", [1, 2, 3]),
            ("tell me more about the second one", [2]),
            ("and the last one?", [3]),
            ("what does paper 1 find?", [1]),
            ("summarize source 3", [3]),
            ("what does the TriForce paper report?", [triForce]),
            ("how do both differ?", [1, 2]),
            ("compare them", [1, 2, 3]),
        ];

        for (var i = 0; i < followUps.Length; i++)
        {
            var reply = await SayAsync(bot, thread, $"f{i}", followUps[i].Line);
            var sources = Sources(reply);
            Assert.Equal(followUps[i].Numbers.Order(), sources.Keys.Order());
            Assert.All(sources, kv => Assert.Equal(first[kv.Key], kv.Value));
        }
        Assert.Equal(followUps.Length + 1, bot.Rest.Messages.Snapshot().Where(Final).Select(m => m.ReplyTo).Distinct().Count());
    }

    [Fact]
    public async Task Their_after_a_comparison_in_a_thread_means_the_compared_papers()
    {
        var (bot, thread, first) = await StartConversationAsync();
        await using var _ = bot;

        await SayAsync(bot, thread, "f1", "compare [1] and [3]");
        var reply = await SayAsync(bot, thread, "f2", "what about their memory cost?");

        var sources = Sources(reply);
        Assert.Equal([1, 3], sources.Keys.Order());
        Assert.All(sources, kv => Assert.Equal(first[kv.Key], kv.Value));
        Assert.Contains("memory cost", reply.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_number_that_does_not_exist_is_said_plainly_in_the_thread()
    {
        var (bot, thread, _) = await StartConversationAsync();
        await using var _ = bot;

        var reply = await SayAsync(bot, thread, "f1", "compare [2] and [7]", m => m.Content.Contains("There is no", StringComparison.Ordinal));

        Assert.Equal("There is no [7]; the last answer listed [1]–[3].", reply.Content);
    }

    [Fact]
    public async Task After_search_in_the_thread_numbers_and_slash_paper_mean_the_search_results()
    {
        var (bot, thread, _) = await StartConversationAsync();
        await using var _ = bot;
        var app = bot.Gateway.ApplicationId;

        await bot.Gateway.DispatchAsync("INTERACTION_CREATE",
            DiscordEvents.Command("i1", "t1", app, "search", new Dictionary<string, string> { ["query"] = "voxel point clouds" }, channelId: thread));
        var search = await bot.WaitForMessageAsync(m => m.Id == "original:t1", "/search");
        var listed = SourceLine().Matches(search.Content).ToDictionary(x => int.Parse(x.Groups[1].Value), x => Regex.Match(x.Value, @"\[\d+\] \[(.*?)\]\(").Groups[1].Value);
        Assert.True(listed.Count >= 2, search.Content);

        await bot.Gateway.DispatchAsync("INTERACTION_CREATE",
            DiscordEvents.Command("i2", "t2", app, "paper", new Dictionary<string, string> { ["id"] = "2" }, channelId: thread));
        var paper = await bot.WaitForMessageAsync(m => m.Id == "original:t2", "/paper 2");
        Assert.StartsWith($"**{listed[2]}**", paper.Content);

        var more = await SayAsync(bot, thread, "f1", "tell me more about [1]");
        Assert.Contains(listed[1].Replace("[", "\\[", StringComparison.Ordinal), Assert.Single(Sources(more)).Value);

        await bot.Gateway.DispatchAsync("INTERACTION_CREATE",
            DiscordEvents.Command("i3", "t3", app, "paper", new Dictionary<string, string> { ["id"] = "9" }, channelId: thread));
        var missing = await bot.WaitForMessageAsync(m => m.Id == "original:t3", "/paper 9");
        Assert.Equal($"There is no [9]; the last search listed [1]–[{listed.Count}].".Replace("[1]–[2]", "[1] and [2]", StringComparison.Ordinal), missing.Content);
    }

    [Fact]
    public async Task Slash_paper_takes_title_words_an_arxiv_link_and_a_paper_id()
    {
        await using var bot = await StartAsync();
        await bot.ReadyAsync();
        var app = bot.Gateway.ApplicationId;
        string[] arguments = ["CodeMonkeys", "https://arxiv.org/abs/2604.00002v3", "2604.00004"];

        for (var i = 0; i < arguments.Length; i++)
            await bot.Gateway.DispatchAsync("INTERACTION_CREATE",
                DiscordEvents.Command($"i{i}", $"t{i}", app, "paper", new Dictionary<string, string> { ["id"] = arguments[i] }));

        Assert.StartsWith("**CodeMonkeys:", (await bot.WaitForMessageAsync(m => m.Id == "original:t0", "title words")).Content);
        Assert.StartsWith("**TriForce:", (await bot.WaitForMessageAsync(m => m.Id == "original:t1", "arXiv link")).Content);
        Assert.StartsWith("**ScatterFormer:", (await bot.WaitForMessageAsync(m => m.Id == "original:t2", "paper id")).Content);
    }

    [GeneratedRegex(@"^\[(\d+)\] .*$", RegexOptions.Multiline)]
    private static partial Regex SourceLine();
}
