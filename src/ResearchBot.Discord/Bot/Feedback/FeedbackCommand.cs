using System.Text;
using Microsoft.Extensions.Logging;
using ResearchBot.BotState;
using ResearchBot.Discord.Rest;
using ResearchBot.Discord.Rest.Models;

namespace ResearchBot.Discord.Bot.Feedback;

/// <summary><c>/feedback</c>: the server's 👍/👎 counts of the last <see cref="Days"/> days and the latest votes, shown only to the member
/// asking, who needs Manage Server.</summary>
public sealed class FeedbackCommand(DiscordRestClient rest, IFeedbackRepository feedback, TimeProvider time, ILogger<FeedbackCommand> log)
{
    public const string Name = "feedback";
    public const int Days = 30;
    public const int Recent = 10;
    public const string NeedsManageServer = "Only members with the **Manage Server** permission can see this server's feedback.";

    public async Task HandleAsync(IncomingInteraction interaction, CancellationToken cancellationToken)
    {
        try
        {
            if (interaction.GuildId is not { } guild)
            {
                await rest.CreateInteractionResponseAsync(interaction.Id, interaction.Token, InteractionResponse.Ephemeral("/feedback works in a server."), cancellationToken);
                return;
            }
            if (!interaction.Has(DiscordPermissions.ManageGuild))
            {
                await rest.CreateInteractionResponseAsync(interaction.Id, interaction.Token, InteractionResponse.Ephemeral(NeedsManageServer), cancellationToken);
                return;
            }
            await rest.CreateInteractionResponseAsync(interaction.Id, interaction.Token, InteractionResponse.DeferredEphemeral, cancellationToken);
            var counts = await feedback.CountsAsync(guild, time.GetUtcNow().AddDays(-Days), Recent, cancellationToken);
            var votes = await feedback.ForGuildAsync(guild, FeedbackRankedPaperSearch.MaxVotesRead, cancellationToken);
            await new InteractionReply(rest, interaction.ApplicationId, interaction.Token).ShowAsync(
                new OutgoingMessage(Text(counts, votes)) { Flags = MessageFlags.Ephemeral }, cancellationToken);
        }
        catch (DiscordApiException ex) when (ex.IsStaleInteraction)
        {
            log.LogInformation("/feedback expired before it was answered: {Error}", ex.Message);
        }
    }

    internal static string Text(FeedbackCounts counts, IReadOnlyList<FeedbackEntry> votes)
    {
        var text = new StringBuilder($"**Feedback in this server, last {Days} days:** 👍 {counts.Up} · 👎 {counts.Down}\n");
        if (counts.Recent.Count > 0) text.Append("\nLatest:");
        foreach (var e in counts.Recent)
        {
            var question = e.Question.Length > 80 ? e.Question[..79] + "…" : e.Question;
            text.Append($"\n{(e.Vote == FeedbackVote.Up ? "👍" : "👎")} {e.At:yyyy-MM-dd} “{question}” — cites {string.Join(", ", e.PaperIds.Take(5))}");
        }
        var lowered = votes.Where(v => v.Vote == FeedbackVote.Down).GroupBy(v => v.Question, StringComparer.OrdinalIgnoreCase)
            .Select(g => (Question: g.Key, Papers: FeedbackReranker.Penalized(g.Key, votes)))
            .Where(x => x.Papers.Count > 0).Take(5).ToList();
        if (lowered.Count > 0)
        {
            text.Append("\n\nRanked lower here for similar questions:");
            foreach (var (question, papers) in lowered) text.Append($"\n“{(question.Length > 60 ? question[..59] + "…" : question)}”: {string.Join(", ", papers.Order())}");
        }
        var result = text.ToString();
        return result.Length <= EmbedLimits.MessageContent ? result : result[..(EmbedLimits.MessageContent - 1)] + "…";
    }
}
