using System.Diagnostics.Metrics;

namespace ResearchBot.Discord.Bot.Feedback;

/// <summary>The feedback counters, on the <c>ResearchBot.Discord</c> meter: <c>researchbot_feedback_total</c> by <c>vote</c> (up, down).</summary>
public static class FeedbackMetrics
{
    public const string MeterName = "ResearchBot.Discord";

    private static readonly Meter Meter = new(MeterName);
    private static readonly Counter<long> Votes = Meter.CreateCounter<long>("researchbot_feedback_total", description: "👍 and 👎 reactions on answers");

    public static void Count(ResearchBot.BotState.FeedbackVote vote) =>
        Votes.Add(1, new KeyValuePair<string, object?>("vote", vote == ResearchBot.BotState.FeedbackVote.Up ? "up" : "down"));
}
