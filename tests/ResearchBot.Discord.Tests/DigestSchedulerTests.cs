using System.Text.Json;
using ResearchBot.Discord.Tests.Support;

namespace ResearchBot.Discord.Tests;

public class DigestSchedulerTests
{
    [Fact]
    public async Task The_digest_is_ingested_and_posted_at_the_configured_time_in_the_configured_zone_and_channel()
    {
        // 06:59 UTC is 07:59 in Berlin (CET): the 08:00 digest is one minute away.
        var clock = new TestClock(new DateTimeOffset(2026, 11, 23, 6, 59, 0, TimeSpan.Zero));
        await using var bot = await BotHarness.StartAsync(new Dictionary<string, string?>
        {
            ["DigestChannelId"] = "500",
            ["DigestCron"] = "0 8 * * *",
            ["DigestTimeZone"] = "Europe/Berlin",
        }, clock: clock);
        await bot.ReadyAsync();

        await clock.Timers.WaitForAsync(t => t.Due == TimeSpan.FromMinutes(1), what: "the wait for 08:00 Berlin");
        var beforeTheTime = bot.Rest.MessagesIn("500").Count + bot.Library.Ingests.Snapshot().Count;
        clock.Advance(TimeSpan.FromMinutes(1));
        var ingest = await bot.Library.Ingests.WaitForAsync(_ => true);
        var post = await bot.WaitForMessageAsync(m => m.ChannelId == "500", "the digest post");

        Assert.Equal(0, beforeTheTime);
        Assert.Equal(["hf"], ingest.Sources);
        Assert.Equal(new DateOnly(2026, 11, 23), ingest.Date);
        Assert.Equal([new DateOnly(2026, 11, 23)], bot.Library.DigestRequests.Snapshot().Cast<DateOnly>());
        Assert.StartsWith("**Daily papers — Monday, 23 November 2026**", post.Content);
        Assert.Contains("RAG at scale [1]", post.Content);
        Assert.Equal("Papers", post.Embeds!.Value[0].GetProperty("title").GetString());
        Assert.Null(post.ReplyTo);
        Assert.Equal(0, post.AllowedMentions!.Value.GetProperty("parse").GetArrayLength());
    }

    [Fact]
    public async Task After_posting_it_waits_for_the_next_day()
    {
        var clock = new TestClock(new DateTimeOffset(2026, 11, 23, 7, 59, 0, TimeSpan.Zero));
        await using var bot = await BotHarness.StartAsync(new Dictionary<string, string?> { ["DigestChannelId"] = "500", ["DigestCron"] = "0 8 * * *" }, clock: clock);
        await bot.ReadyAsync();

        await clock.FireAsync(TimeSpan.FromMinutes(1));
        await bot.WaitForMessageAsync(m => m.ChannelId == "500", "the first digest");
        var next = await clock.Timers.WaitForAsync(t => t.Due >= TimeSpan.FromHours(12) && t.CreatedAt >= new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));

        Assert.Equal(TimeSpan.FromHours(12), next.Due);
        Assert.Single(bot.Library.Ingests.Snapshot());
    }
}
