using Microsoft.Extensions.DependencyInjection;
using ResearchBot.Answering;
using ResearchBot.BotState;
using ResearchBot.Discord.Tests.Support;
using ResearchBot.TestSupport.Discord;

namespace ResearchBot.Discord.Tests;

/// <summary><c>/settings</c>: stored per server, only for members with Manage Server, used by the digest scheduler and the token budget.</summary>
public sealed class SettingsTests
{
    private const string ManageServer = "32";

    private static Task SettingsAsync(BotHarness bot, string id, IReadOnlyDictionary<string, string> options, string permissions = ManageServer) =>
        bot.Gateway.DispatchAsync("INTERACTION_CREATE", DiscordEvents.Command(id, "t-" + id, bot.Gateway.ApplicationId, "settings", options, permissions: permissions));

    private static Task<EmulatedMessage> ReplyAsync(BotHarness bot, string id) =>
        bot.WaitForMessageAsync(m => m.Id == "original:t-" + id && m.Content.Length > 0, "the /settings reply");

    [Fact]
    public async Task A_manager_sets_the_digest_and_budget_and_they_are_stored_for_the_server()
    {
        await using var bot = await BotHarness.StartAsync();
        await bot.ReadyAsync();

        await SettingsAsync(bot, "s1", new Dictionary<string, string>
        {
            ["digest_channel"] = "777", ["time"] = "7:30", ["timezone"] = "Europe/Berlin", ["interests"] = "retrieval, agents , retrieval", ["token_budget"] = "5000",
        });
        var reply = await ReplyAsync(bot, "s1");

        var stored = await bot.Host.Services.GetRequiredService<IGuildSettingsRepository>().GetAsync(DiscordEvents.GuildId);
        Assert.NotNull(stored);
        Assert.Equal("777", stored.DigestChannelId);
        Assert.Equal(new TimeOnly(7, 30), stored.DigestTime);
        Assert.Equal("Europe/Berlin", stored.TimeZone);
        Assert.Equal(["retrieval", "agents"], stored.Interests);
        Assert.Equal(5000, stored.DailyTokenBudget);
        Assert.StartsWith("Saved. This server's settings:", reply.Content);
        Assert.Contains("- Digest: <#777>", reply.Content);
        Assert.Contains("- Daily token budget: 5,000 tokens", reply.Content);
    }

    [Fact]
    public async Task The_command_is_registered_for_managers_and_a_member_without_the_permission_changes_nothing()
    {
        await using var bot = await BotHarness.StartAsync();
        await bot.ReadyAsync();
        var registration = bot.Rest.Requests.Snapshot().First(r => r.Method == "PUT" && r.Path.EndsWith("/commands"));

        await SettingsAsync(bot, "s1", new Dictionary<string, string> { ["token_budget"] = "1" }, permissions: "2048");
        var reply = await ReplyAsync(bot, "s1");

        var settings = registration.Json.EnumerateArray().Single(c => c.GetProperty("name").GetString() == "settings");
        Assert.Equal("32", settings.GetProperty("default_member_permissions").GetString());
        Assert.Equal("Only members with the Manage Server permission can see or change these settings.", reply.Content);
        Assert.Null(await bot.Host.Services.GetRequiredService<IGuildSettingsRepository>().GetAsync(DiscordEvents.GuildId));
    }

    [Fact]
    public async Task A_bad_time_or_zone_is_explained_and_nothing_is_saved()
    {
        await using var bot = await BotHarness.StartAsync();
        await bot.ReadyAsync();

        await SettingsAsync(bot, "s1", new Dictionary<string, string> { ["time"] = "25:99" });
        await SettingsAsync(bot, "s2", new Dictionary<string, string> { ["timezone"] = "Mars/Olympus" });

        Assert.Equal("'25:99' is not a time: give it as HH:MM, e.g. 08:30.", (await ReplyAsync(bot, "s1")).Content);
        Assert.StartsWith("'Mars/Olympus' is not a time zone I know", (await ReplyAsync(bot, "s2")).Content);
        Assert.Null(await bot.Host.Services.GetRequiredService<IGuildSettingsRepository>().GetAsync(DiscordEvents.GuildId));
    }

    [Fact]
    public async Task The_digest_is_posted_to_the_servers_channel_at_its_time_in_its_zone_with_its_interests()
    {
        // 12:00 UTC is 13:00 in Berlin; the server asks for 13:30 Berlin: 30 minutes away.
        var clock = new TestClock(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));
        await using var bot = await BotHarness.StartAsync(clock: clock);
        await bot.ReadyAsync();

        await SettingsAsync(bot, "s1", new Dictionary<string, string>
        {
            ["digest_channel"] = "888", ["time"] = "13:30", ["timezone"] = "Europe/Berlin", ["interests"] = "speculative decoding",
        });
        await ReplyAsync(bot, "s1");
        await clock.Timers.WaitForAsync(t => t.Due == TimeSpan.FromMinutes(30), what: "the wait for 13:30 Berlin");
        clock.Advance(TimeSpan.FromMinutes(30));
        var post = await bot.WaitForMessageAsync(m => m.ChannelId == "888", "the server's digest");

        Assert.StartsWith("**Daily papers — Monday, 23 November 2026**", post.Content);
        Assert.Equal(new DateOnly(2026, 11, 23), bot.Library.Ingests.Snapshot().Single().Date);
        var request = Assert.Single(bot.Library.DigestRequestsWithInterests.Snapshot());
        Assert.Equal(["speculative decoding"], request.Interests);
    }

    [Fact]
    public async Task Settings_survive_a_restart()
    {
        var folder = Directory.CreateTempSubdirectory("researchbot-settings-").FullName;
        var path = Path.Combine(folder, "bot.db");
        try
        {
            await using (var before = await BotHarness.StartAsync(storePath: path))
            {
                await before.ReadyAsync();
                await SettingsAsync(before, "s1", new Dictionary<string, string> { ["interests"] = "agents" });
                await ReplyAsync(before, "s1");
            }
            await using var after = await BotHarness.StartAsync(storePath: path);
            await after.ReadyAsync();
            await SettingsAsync(after, "s2", new Dictionary<string, string>());
            var reply = await ReplyAsync(after, "s2");
            Assert.StartsWith("This server's settings:", reply.Content);
            Assert.Contains("- Interests: agents", reply.Content);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}

/// <summary>The daily token budget per server (<c>Discord:TokenBudgetPerGuildPerDay</c> or the server's own).</summary>
public sealed class TokenBudgetTests
{
    [Fact]
    public async Task Once_the_servers_tokens_for_the_day_are_spent_questions_get_a_polite_reply_until_the_next_day()
    {
        var clock = new TestClock(new DateTimeOffset(2026, 11, 23, 22, 0, 0, TimeSpan.Zero));
        await using var bot = await BotHarness.StartAsync(new Dictionary<string, string?> { ["TokenBudgetPerGuildPerDay"] = "100" }, clock: clock);
        await bot.ReadyAsync();
        bot.Answers.Usage = new AnswerUsage(50, 30, 80);
        var app = bot.Gateway.ApplicationId;

        async Task<EmulatedMessage> AskAsync(string id)
        {
            await bot.Gateway.DispatchAsync("INTERACTION_CREATE", DiscordEvents.Command(id, "t-" + id, app, "ask", new Dictionary<string, string> { ["question"] = "what is RAG?" }));
            var reply = await bot.WaitForMessageAsync(m => m.Id == "original:t-" + id && (m.Content.StartsWith("About", StringComparison.Ordinal) && m.Embeds is not null || m.Content.StartsWith("This server", StringComparison.Ordinal)), id);
            await bot.Host.Services.GetRequiredService<ResearchBot.Discord.Bot.InFlightTracker>().DrainAsync(TimeSpan.FromSeconds(10), CancellationToken.None);
            return reply;
        }

        var first = await AskAsync("a1");   // 80 of 100
        var second = await AskAsync("a2");  // 160: over from now on
        var third = await AskAsync("a3");
        clock.Advance(TimeSpan.FromHours(2)); // a new day (UTC)
        var fourth = await AskAsync("a4");

        Assert.StartsWith("About", first.Content);
        Assert.StartsWith("About", second.Content);
        Assert.Equal(ResearchBot.Discord.Bot.BotReplies.BudgetSpent, third.Content);
        Assert.StartsWith("About", fourth.Content);
        Assert.Equal(3, bot.Answers.Requests.Snapshot().Count);
        var usage = bot.Host.Services.GetRequiredService<ITokenUsageRepository>();
        Assert.Equal(160, await usage.GetAsync(DiscordEvents.GuildId, new DateOnly(2026, 11, 23)));
        Assert.Equal(80, await usage.GetAsync(DiscordEvents.GuildId, new DateOnly(2026, 11, 24)));
    }

    [Fact]
    public async Task A_servers_own_budget_wins_over_the_configured_one_and_mentions_are_limited_too()
    {
        await using var bot = await BotHarness.StartAsync(new Dictionary<string, string?> { ["TokenBudgetPerGuildPerDay"] = "0" });
        await bot.ReadyAsync();
        await bot.Host.Services.GetRequiredService<IGuildSettingsRepository>().SaveAsync(new GuildSettings(DiscordEvents.GuildId, DailyTokenBudget: 10));
        bot.Answers.Usage = new AnswerUsage(null, null, 10);

        await bot.MentionAsync("m1", "first question");
        await bot.WaitForMessageAsync(m => m.ReplyTo == "m1" && m.Embeds is not null, "the first answer");
        // The tokens are counted right after the answer is delivered.
        var usage = bot.Host.Services.GetRequiredService<ITokenUsageRepository>();
        var today = DateOnly.FromDateTime(bot.Clock.GetUtcNow().UtcDateTime);
        for (var i = 0; i < 600 && await usage.GetAsync(DiscordEvents.GuildId, today) < 10; i++) await Task.Delay(50);
        await bot.MentionAsync("m2", "second question");
        var refusal = await bot.WaitForMessageAsync(m => m.ReplyTo == "m2", "the refusal");

        Assert.Equal(ResearchBot.Discord.Bot.BotReplies.BudgetSpent, refusal.Content);
        Assert.Single(bot.Answers.Requests.Snapshot());
    }
}
