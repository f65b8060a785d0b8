using Microsoft.Extensions.Logging;
using ResearchBot.Discord.Tests.Support;

namespace ResearchBot.Discord.Tests;

public class ShutdownTests
{
    [Fact]
    public async Task Stopping_closes_the_gateway_with_1000_and_lets_answers_in_flight_finish()
    {
        await using var bot = await BotHarness.StartAsync();
        await bot.ReadyAsync();
        bot.Answers.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await bot.MentionAsync("m1", "a slow question");
        await bot.Answers.Requests.WaitForAsync(_ => true);

        var stop = bot.Host.StopAsync();
        var close = await bot.Gateway.Connections.Snapshot()[0].ClientClose.WaitAsync(TimeSpan.FromSeconds(15));
        var stoppedBeforeTheAnswer = stop.IsCompleted;
        bot.Answers.Gate.SetResult();
        await stop.WaitAsync(TimeSpan.FromSeconds(15));

        Assert.Equal(1000, close);
        Assert.False(stoppedBeforeTheAnswer);
        Assert.Contains(bot.Rest.Messages.Snapshot(), m => m.ReplyTo == "m1" && m.Content.Contains("retrieval helps [1]"));
    }

    [Fact]
    public async Task Answers_still_running_after_the_grace_period_are_cancelled()
    {
        await using var bot = await BotHarness.StartAsync(new Dictionary<string, string?> { ["ShutdownGrace"] = "00:00:07" });
        await bot.ReadyAsync();
        bot.Answers.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await bot.MentionAsync("m1", "a question that never ends");
        await bot.Answers.Requests.WaitForAsync(_ => true);

        var stop = bot.Host.StopAsync();
        await bot.Clock.FireAsync(TimeSpan.FromSeconds(7));
        await stop.WaitAsync(TimeSpan.FromSeconds(15));

        Assert.Contains(bot.Logs.Lines.Snapshot(), l => l.Level == LogLevel.Warning && l.Text.Contains("Grace period over"));
    }

    [Fact]
    public void Options_never_show_the_token()
    {
        var options = new DiscordOptions { Token = "super-secret-token" };

        Assert.DoesNotContain("super-secret-token", options.ToString());
        Assert.Contains("Token=[redacted]", options.ToString());
    }
}
