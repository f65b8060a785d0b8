using Microsoft.Extensions.Options;
using ResearchBot.Discord.Bot;
using ResearchBot.Discord.Tests.Support;

namespace ResearchBot.Discord.Tests;

public class AnswerThrottleTests
{
    private readonly TestClock _clock = new();

    private AnswerThrottle Throttle(TimeSpan cooldown, int perChannel) =>
        new(Options.Create(new DiscordOptions { UserCooldown = cooldown, MaxAnswersInFlightPerChannel = perChannel }), _clock);

    [Fact]
    public void A_user_must_wait_for_the_cooldown()
    {
        var throttle = Throttle(TimeSpan.FromSeconds(30), 5);
        throttle.TryEnter("u", "c").Lease!.Dispose();

        var early = throttle.TryEnter("u", "c");
        _clock.Advance(TimeSpan.FromSeconds(30));
        var later = throttle.TryEnter("u", "c");

        Assert.Null(early.Lease);
        Assert.Contains("please wait 30 s", early.Refusal);
        Assert.NotNull(later.Lease);
        Assert.NotNull(throttle.TryEnter("someone else", "c").Lease);
    }

    [Fact]
    public void A_channel_has_a_limit_on_answers_in_flight()
    {
        var throttle = Throttle(TimeSpan.Zero, 2);
        var first = throttle.TryEnter("a", "c").Lease!;
        using var second = throttle.TryEnter("b", "c").Lease!;

        var third = throttle.TryEnter("c", "c");
        var elsewhere = throttle.TryEnter("c", "other");
        first.Dispose();
        first.Dispose();
        var afterOne = throttle.TryEnter("d", "c");

        Assert.Contains("already working on 2 questions in this channel", third.Refusal);
        Assert.NotNull(elsewhere.Lease);
        Assert.NotNull(afterOne.Lease);
        Assert.Null(throttle.TryEnter("e", "c").Lease);
    }
}
