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

/// <summary>Conversations live in the store: a restarted bot (a new process's host over the same store file) continues a
/// thread, its numbered references included, through the real (offline) answer pipeline.</summary>
public sealed partial class RestartTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("researchbot-restart-").FullName;

    private string StorePath => Path.Combine(_folder, "bot.db");

    private Task<BotHarness> StartAsync() => BotHarness.StartAsync(storePath: StorePath, services: (services, configuration) =>
    {
        var store = new FakePaperStore(TestPapers.All);
        services.AddSingleton<IPaperStore>(store);
        services.AddSingleton<IPaperSearch>(new FakePaperSearch(store));
        services.AddAnswering(configuration);
    });

    private static bool Final(EmulatedMessage m) => m.Embeds is { ValueKind: JsonValueKind.Array } e && e.GetArrayLength() > 0;

    private static Dictionary<int, string> Sources(EmulatedMessage m) =>
        SourceLine().Matches(m.Embeds!.Value[0].GetProperty("description").GetString()!).ToDictionary(x => int.Parse(x.Groups[1].Value), x => x.Value);

    [Fact]
    public async Task A_restarted_bot_continues_the_thread_and_its_numbered_references()
    {
        string thread;
        Dictionary<int, string> first;
        await using (var before = await StartAsync())
        {
            await before.ReadyAsync();
            await before.MentionAsync("m1", "KV cache and speculative decoding for long-context inference");
            first = Sources(await before.WaitForMessageAsync(m => m.ReplyTo == "m1" && Final(m), "the first answer"));
            thread = await before.WaitForThreadConversationAsync("m1");
        }
        Assert.Equal([1, 2, 3], first.Keys.Order());

        await using var after = await StartAsync();
        await after.ReadyAsync();
        // No mention: the restarted bot knows the thread is its conversation.
        await after.Gateway.DispatchAsync("MESSAGE_CREATE", DiscordEvents.Message("f1", "tell me more about [2]", channelId: thread));
        var reply = await after.WaitForMessageAsync(m => m.ReplyTo == "f1" && Final(m), "the follow-up after the restart");

        var sources = Sources(reply);
        Assert.Equal([2], sources.Keys);
        Assert.Equal(first[2], sources[2]);
        var history = Assert.Single(after.Host.Services.GetRequiredService<ResearchBot.Discord.Bot.ConversationStore>().History(thread).Where(t => t.Role == "user").Take(1));
        Assert.Equal("KV cache and speculative decoding for long-context inference", history.Text);
    }

    [Fact]
    public async Task Only_the_last_MaxHistoryTurns_turns_are_kept_across_restarts()
    {
        string thread;
        await using (var before = await BotHarness.StartAsync(new Dictionary<string, string?> { ["MaxHistoryTurns"] = "4" }, storePath: StorePath))
        {
            await before.ReadyAsync();
            await before.MentionAsync("m1", "q0");
            thread = await before.WaitForThreadConversationAsync("m1");
            for (var i = 1; i <= 3; i++)
            {
                await before.Gateway.DispatchAsync("MESSAGE_CREATE", DiscordEvents.Message($"f{i}", $"q{i}", channelId: thread));
                await before.WaitForMessageAsync(m => m.ReplyTo == $"f{i}" && Final(m), $"answer {i}");
            }
        }

        await using var after = await BotHarness.StartAsync(new Dictionary<string, string?> { ["MaxHistoryTurns"] = "4" }, storePath: StorePath);
        await after.ReadyAsync();
        await after.Gateway.DispatchAsync("MESSAGE_CREATE", DiscordEvents.Message("f9", "q9", channelId: thread));
        await after.WaitForMessageAsync(m => m.ReplyTo == "f9" && Final(m), "the answer after the restart");

        var request = after.Answers.Requests.Snapshot().Single();
        Assert.Equal(["user", "assistant", "user", "assistant"], request.History.Select(t => t.Role));
        Assert.Equal(["q2", "q3"], request.History.Where(t => t.Role == "user").Select(t => t.Text));
        Assert.Equal(["2401.00001", "2401.00002"], request.History[^1].Sources!.Select(s => s.Id));
        Assert.Equal(["2401.00001", "2401.00002"], request.Shown!.PaperIds);
    }

    [GeneratedRegex(@"^\[(\d+)\].*$", RegexOptions.Multiline)]
    private static partial Regex SourceLine();

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
