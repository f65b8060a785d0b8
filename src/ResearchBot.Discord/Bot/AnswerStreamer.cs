using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ResearchBot.Answering;
using ResearchBot.ChatClients;
using ResearchBot.Discord.Bot.Components;
using ResearchBot.Discord.Bot.Feedback;
using ResearchBot.Discord.Rest.Models;
using ResearchBot.Telemetry;

namespace ResearchBot.Discord.Bot;

/// <summary>
/// Streams an answer into a reply: the primary message shows the text so far, edited at most once per
/// <see cref="DiscordOptions.StreamEditInterval"/>; the checked answer then replaces it, split into messages, sources in an embed.
/// </summary>
public sealed class AnswerStreamer(IAnswerService answers, AnswerButtons buttons, IOptions<DiscordOptions> options, TimeProvider time, ResearchBotMetrics metrics, ILogger<AnswerStreamer> log)
{
    /// <summary>Streams and delivers the answer; null when it failed (the reply then says so). <paramref name="answered"/> runs
    /// before the final answer is delivered, so a conversation is up to date by the time the person can reply to it. With an
    /// <paramref name="origin"/> the answer is stored, gets its buttons, and its server's feedback re-ranks the papers.
    /// <paramref name="surface"/> names where it was asked, in the metrics.</summary>
    public async Task<Answer?> StreamAsync(AskRequest request, IReplyTarget target, CancellationToken cancellationToken, Action<Answer>? answered = null,
        AnswerOrigin? origin = null, string surface = "discord")
    {
        using var feedback = FeedbackScope.Enter(origin?.GuildId);
        var started = time.GetTimestamp();
        var text = new StringBuilder();
        long? lastShown = null;
        Answer? answer = null;
        string? failure = null;
        try
        {
            await foreach (var update in answers.StreamAsync(request, cancellationToken))
            {
                if (update is AnswerCompleted completed) answer = completed.Answer;
                if (update is not AnswerDelta delta) continue;
                text.Append(delta.Text);
                if (lastShown is { } t && time.GetElapsedTime(t) < options.Value.StreamEditInterval) continue;
                await target.ShowAsync(new OutgoingMessage(MessageSplitter.Preview(text.ToString(), EmbedLimits.MessageContent)), cancellationToken);
                lastShown = time.GetTimestamp();
            }
        }
        catch (ChatProviderException ex)
        {
            // The provider failed: its one-line reason is the reply (after the partial answer, if text had arrived).
            failure = ex.Message;
            metrics.ProviderFailed(surface);
            log.LogWarning("Answering failed: {Error}", ex.Message);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            log.LogError(ex, "Answering failed");
        }
        if (answer is null)
        {
            await target.NoticeAsync(failure is null ? "Sorry — something went wrong while I was answering. Please try again in a moment." : $"Sorry — I could not answer: {failure}", cancellationToken);
            return null;
        }
        answered?.Invoke(answer);
        metrics.Answered(surface, answer.Mode, answer.Abstained, time.GetElapsedTime(started));
        var body = failure is null ? answer.Text : $"{answer.Text}\n\n(The answer is incomplete: {failure})";
        var rows = origin is null ? null : await buttons.PrepareAsync(origin, answer, cancellationToken);
        if (origin is not null) await buttons.RememberMessagesAsync(origin, target.MessageIds, cancellationToken); // the streamed message, before it shows the answer
        await target.DeliverAsync(body, SourcesEmbed.Build(answer.CitedSources), cancellationToken, rows);
        if (origin is not null) await buttons.RememberMessagesAsync(origin, target.MessageIds, cancellationToken);
        return answer;
    }
}
