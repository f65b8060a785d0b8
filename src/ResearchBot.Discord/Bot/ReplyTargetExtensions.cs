using ResearchBot.Discord.Rest.Models;

namespace ResearchBot.Discord.Bot;

/// <summary>Sending whole texts through an <see cref="IReplyTarget"/>.</summary>
public static class ReplyTargetExtensions
{
    /// <summary>Shows <paramref name="text"/> split into messages, the embed and the buttons (if any) on the last one.</summary>
    public static async Task DeliverAsync(this IReplyTarget target, string text, Embed? embed, CancellationToken cancellationToken, IReadOnlyList<ActionRow>? components = null)
    {
        var chunks = MessageSplitter.Split(text, EmbedLimits.MessageContent);
        if (chunks.Count == 0) chunks = ["(no text)"];
        for (var i = 0; i < chunks.Count; i++)
        {
            var last = i == chunks.Count - 1;
            var message = new OutgoingMessage(chunks[i], last && embed is not null ? [embed] : [], Components: last && components is { Count: > 0 } ? components : null);
            if (i == 0) await target.ShowAsync(message, cancellationToken);
            else await target.AppendAsync(message, cancellationToken);
        }
    }

    /// <summary>Shows a short notice (a refusal, an error) as the primary message.</summary>
    public static Task NoticeAsync(this IReplyTarget target, string text, CancellationToken cancellationToken) =>
        target.ShowAsync(new OutgoingMessage(text, []), cancellationToken);
}
