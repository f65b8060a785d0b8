using System.Text.Json;
using Microsoft.Extensions.Logging;
using ResearchBot.BotState;
using ResearchBot.Telemetry;

namespace ResearchBot.Discord.Bot.Feedback;

/// <summary>The parts of a MESSAGE_REACTION_ADD / _REMOVE the bot uses.</summary>
public sealed record ReactionEvent(string UserId, string ChannelId, string MessageId, string? GuildId, string? Emoji)
{
    public static ReactionEvent Parse(JsonElement d) => new(
        d.GetProperty("user_id").GetString()!,
        d.GetProperty("channel_id").GetString()!,
        d.GetProperty("message_id").GetString()!,
        d.TryGetProperty("guild_id", out var g) && g.ValueKind == JsonValueKind.String ? g.GetString() : null,
        d.TryGetProperty("emoji", out var e) && e.TryGetProperty("name", out var n) ? n.GetString() : null);
}

/// <summary>Stores a 👍 or 👎 on one of the bot's answers with the question, the cited papers and the server (and drops it when taken back).</summary>
public sealed class ReactionHandler(IPostedAnswerRepository answers, IFeedbackRepository feedback, BotIdentity bot, ResearchBotMetrics metrics, TimeProvider time, ILogger<ReactionHandler> log)
{
    /// <summary>The vote an emoji stands for (any skin tone), or null.</summary>
    public static FeedbackVote? VoteOf(string? emoji) =>
        emoji is null ? null : emoji.StartsWith("👍", StringComparison.Ordinal) ? FeedbackVote.Up : emoji.StartsWith("👎", StringComparison.Ordinal) ? FeedbackVote.Down : null;

    public async Task HandleAsync(ReactionEvent reaction, bool added, CancellationToken cancellationToken)
    {
        if (VoteOf(reaction.Emoji) is not { } vote || reaction.UserId == bot.UserId) return;
        if (!added)
        {
            await feedback.RemoveAsync(reaction.MessageId, reaction.UserId, vote, cancellationToken);
            return;
        }
        if (await answers.FindByMessageAsync(reaction.MessageId, cancellationToken) is not { } answer) return;
        var entry = new FeedbackEntry(reaction.GuildId ?? answer.GuildId, reaction.ChannelId, reaction.MessageId, reaction.UserId, vote, answer.Question,
            answer.Cited.Select(s => s.Id).ToList(), time.GetUtcNow());
        if (!await feedback.AddAsync(entry, cancellationToken)) return;
        metrics.FeedbackReceived(vote == FeedbackVote.Up);
        log.LogInformation("Feedback {Vote} on answer {Key} in {Guild}", vote, answer.Key, entry.GuildId ?? "a DM");
    }
}
