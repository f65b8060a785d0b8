using Microsoft.Extensions.DependencyInjection;
using ResearchBot.Discord.Bot.Subscriptions;
using ResearchBot.Discord.Tests.Support;
using ResearchBot.Ingestion;
using ResearchBot.Papers;
using ResearchBot.TestSupport.Discord;

namespace ResearchBot.Discord.Tests.Subscriptions;

/// <summary>/subscribe, /unsubscribe, /subscriptions and the posts of new matching papers after an ingest, through the emulator.</summary>
public class SubscriptionTests
{
    private const string App = "2000";
    private static readonly DateOnly NextDay = new(2026, 11, 21);

    private static async Task<string> CommandAsync(BotHarness bot, string id, string name, string? phrase = null, string channel = DiscordEvents.ChannelId)
    {
        var options = phrase is null ? null : new Dictionary<string, string> { ["phrase"] = phrase };
        await bot.Gateway.DispatchAsync("INTERACTION_CREATE", DiscordEvents.Command(id, "t" + id, App, name, options, channelId: channel));
        return (await bot.WaitForMessageAsync(m => m.ChannelId == "interaction:t" + id && m.Content.Length > 0, $"/{name}")).Content;
    }

    private static Paper Listed(string id, string title, string abstractText = "") =>
        new() { Id = id, Title = title, Abstract = abstractText, Url = $"https://arxiv.org/abs/{id}", Listings = [new Listing(NextDay, "hf-daily")] };

    [Fact]
    public async Task New_matching_papers_are_posted_once_in_one_message_that_pings_nobody()
    {
        await using var bot = await BotHarness.StartAsync();
        await bot.ReadyAsync();
        Assert.StartsWith("This channel now follows **KV cache**", await CommandAsync(bot, "s1", "subscribe", "  KV   cache "));
        Assert.StartsWith("This channel now follows **sparse mixtures**", await CommandAsync(bot, "s2", "subscribe", "sparse mixtures"));
        Assert.Equal("This channel already follows **kv cache**.", await CommandAsync(bot, "s3", "subscribe", "kv cache"));
        Assert.Equal("This channel follows:\n\n• **KV cache** (since 2026-12-01)\n• **sparse mixtures** (since 2026-12-01)".Replace("2026-12-01", bot.Clock.GetUtcNow().ToString("yyyy-MM-dd")),
            await CommandAsync(bot, "s4", "subscriptions"));

        bot.Library.NextIngest.AddRange([
            Listed("2411.00001", "Compressing the KV caches of long prompts"),
            Listed("2411.00002", "A study of agents", "We store the KV cache on disk."),
            Listed("2411.00003", "Unrelated vision work"),
        ]);
        await bot.Host.Services.GetRequiredService<IIngestionService>().IngestAsync(new IngestRequest(["hf"], NextDay));
        var post = await bot.WaitForMessageAsync(m => m.ChannelId == DiscordEvents.ChannelId && m.Content.StartsWith("**New papers", StringComparison.Ordinal), "the batched post");

        Assert.Equal("**New papers for this channel's subscriptions** (2):\n\n" +
            "[1] [Compressing the KV caches of long prompts](https://arxiv.org/abs/2411.00001) · 2026-11-21 — *KV cache*\n" +
            "[2] [A study of agents](https://arxiv.org/abs/2411.00002) · 2026-11-21 — *KV cache*", post.Content);
        Assert.DoesNotContain("Sparse mixtures", post.Content); // listed before the subscription: taken as seen
        var request = bot.Rest.Requests.Snapshot().Single(r => r.Method == "POST" && r.Path == $"channels/{DiscordEvents.ChannelId}/messages");
        Assert.Equal(0, request.Json.GetProperty("allowed_mentions").GetProperty("parse").GetArrayLength());
        Assert.Equal(4, request.Json.GetProperty("flags").GetInt32());

        bot.Library.NextIngest.Add(Listed("2411.00004", "Another KV cache eviction policy"));
        await bot.Host.Services.GetRequiredService<IIngestionService>().IngestAsync(new IngestRequest(["hf"], NextDay));
        var second = await bot.WaitForMessageAsync(m => m.ChannelId == DiscordEvents.ChannelId && m.Content.Contains("(1):", StringComparison.Ordinal), "the second post");
        Assert.Contains("Another KV cache eviction policy", second.Content);
        Assert.DoesNotContain("Compressing", second.Content);
    }

    [Fact]
    public async Task Unsubscribing_stops_the_posts_and_only_manage_channels_members_may_change_them()
    {
        await using var bot = await BotHarness.StartAsync();
        await bot.ReadyAsync();
        await bot.Gateway.DispatchAsync("INTERACTION_CREATE", DiscordEvents.Command("s5", "ts5", App, "subscribe", new Dictionary<string, string> { ["phrase"] = "agents" },
            userId: "601", permissions: DiscordEvents.MemberPermissions));
        var refused = await bot.Rest.Callbacks.WaitForAsync(c => c.InteractionId == "s5");
        Assert.Equal((4, true), (refused.Type, refused.IsEphemeral));
        Assert.Equal(SubscriptionCommands.NeedsManageChannels, refused.Data.GetProperty("content").GetString());
        Assert.Equal("This channel follows no phrases. Members with Manage Channels can add one with /subscribe.", await CommandAsync(bot, "s6", "subscriptions"));

        await CommandAsync(bot, "s7", "subscribe", "agents");
        Assert.Equal("This channel no longer follows **agents**.", await CommandAsync(bot, "s8", "unsubscribe", "Agents"));
        bot.Library.NextIngest.Add(Listed("2411.00005", "Agents that plan"));
        await bot.Host.Services.GetRequiredService<IIngestionService>().IngestAsync(new IngestRequest(["hf"], NextDay));

        Assert.DoesNotContain(bot.Rest.Requests.Snapshot(), r => r.Method == "POST" && r.Path == $"channels/{DiscordEvents.ChannelId}/messages");
    }

    [Fact]
    public async Task The_channel_s_digest_ranks_its_phrases_first_and_unsubscribe_autocompletes_them()
    {
        await using var bot = await BotHarness.StartAsync(settings: new Dictionary<string, string?> { });
        await bot.ReadyAsync();
        await CommandAsync(bot, "s9", "subscribe", "sparse mixtures");
        await CommandAsync(bot, "s10", "subscribe", "kv cache", channel: "401");

        await CommandAsync(bot, "d1", "digest");
        await bot.Emulator.AutocompleteAsync("a1", "unsubscribe", "phrase", "spa");

        Assert.Equal(["sparse mixtures"], bot.Library.DigestInterests.Snapshot().Single());
        Assert.Equal([("sparse mixtures", "sparse mixtures")], (await bot.Rest.Callbacks.WaitForAsync(c => c.InteractionId == "a1")).Choices);
    }

    [Fact]
    public async Task Subscriptions_survive_a_restart()
    {
        var emulator = await DiscordEmulator.StartAsync();
        await using var _ = emulator;
        var store = Path.Combine(Path.GetTempPath(), $"researchbot-subs-{Guid.NewGuid():N}.db");
        await using (var before = await BotHarness.StartAsync(emulator: emulator, storePath: store))
        {
            await before.ReadyAsync();
            await CommandAsync(before, "s11", "subscribe", "agents");
        }

        await using var after = await BotHarness.StartAsync(emulator: emulator, storePath: store);
        await after.ReadyAsync(nth: 2);
        after.Library.NextIngest.Add(Listed("2411.00006", "Agents that plan"));
        await after.Host.Services.GetRequiredService<IIngestionService>().IngestAsync(new IngestRequest(["hf"], NextDay));

        var post = await after.WaitForMessageAsync(m => m.ChannelId == DiscordEvents.ChannelId && m.Content.StartsWith("**New papers", StringComparison.Ordinal), "the post");
        Assert.Contains("[Agents that plan](https://arxiv.org/abs/2411.00006)", post.Content);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(store + suffix);
    }

    [Fact]
    public async Task The_scheduled_digest_of_a_subscribed_channel_ranks_its_phrases_first()
    {
        await using var bot = await BotHarness.StartAsync(settings: new Dictionary<string, string?> { ["DigestChannelId"] = "500" });
        await bot.ReadyAsync();
        await CommandAsync(bot, "s12", "subscribe", "agents", channel: "500");
        var scheduler = bot.Host.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<ResearchBot.Discord.Bot.DigestScheduler>().Single();

        await scheduler.PostAsync("500", NextDay, CancellationToken.None);

        Assert.Equal(["agents"], bot.Library.DigestInterests.Snapshot().Single());
        Assert.Contains(bot.Rest.MessagesIn("500"), m => m.Content.StartsWith("**Daily papers", StringComparison.Ordinal));
    }
}
