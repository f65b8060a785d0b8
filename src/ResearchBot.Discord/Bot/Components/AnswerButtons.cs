using Microsoft.Extensions.Logging;
using ResearchBot.Answering;
using ResearchBot.BotState;
using ResearchBot.Discord.Rest.Models;

namespace ResearchBot.Discord.Bot.Components;

/// <summary>
/// The buttons under an answer ("Sources", "More like this", "BibTeX") and the record they point at: the answer is stored
/// before it is shown, so a click (even after a restart) finds it, and its messages afterwards, so reactions on them count.
/// </summary>
public sealed class AnswerButtons(IPostedAnswerRepository answers, TimeProvider time, ILogger<AnswerButtons> log)
{
    /// <summary>Stores <paramref name="answer"/> and returns its buttons (none when it cites nothing).</summary>
    public async Task<IReadOnlyList<ActionRow>?> PrepareAsync(AnswerOrigin origin, Answer answer, CancellationToken cancellationToken)
    {
        try
        {
            await answers.SaveAsync(new PostedAnswer(origin.Key, origin.GuildId, origin.ChannelId, answer.StandaloneQuestion, answer.Sources, answer.Citations,
                time.GetUtcNow()), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            log.LogWarning("Could not store the answer for its buttons: {Error}", ex.Message);
            return null;
        }
        return answer.Abstained || !answer.CitedSources.Any() ? null : For(origin.Key);
    }

    /// <summary>The row of buttons for the answer stored under <paramref name="key"/>.</summary>
    public static IReadOnlyList<ActionRow> For(string key) => ActionRow.Rows(
    [
        new Button("Sources", new ComponentId(ComponentId.Sources, key).ToString()),
        new Button("More like this", new ComponentId(ComponentId.MoreLikeThis, key).ToString()),
        new Button("BibTeX", new ComponentId(ComponentId.BibTeX, key).ToString()),
    ]);

    /// <summary>Records the messages the answer was posted as.</summary>
    public async Task RememberMessagesAsync(AnswerOrigin origin, IReadOnlyList<string> messageIds, CancellationToken cancellationToken)
    {
        if (messageIds.Count == 0) return;
        try { await answers.AddMessagesAsync(origin.Key, messageIds, cancellationToken); }
        catch (Exception ex) when (ex is not OperationCanceledException) { log.LogWarning("Could not record the answer's messages: {Error}", ex.Message); }
    }
}
