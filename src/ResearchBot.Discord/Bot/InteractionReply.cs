using ResearchBot.Discord.Rest;
using ResearchBot.Discord.Rest.Models;

namespace ResearchBot.Discord.Bot;

/// <summary>The answer to a deferred interaction: the original response edited, then follow-ups.</summary>
public sealed class InteractionReply(DiscordRestClient rest, string applicationId, string token) : IReplyTarget
{
    public Task ShowAsync(OutgoingMessage message, CancellationToken cancellationToken) =>
        rest.EditOriginalResponseAsync(applicationId, token, message, cancellationToken);

    public Task AppendAsync(OutgoingMessage message, CancellationToken cancellationToken) =>
        rest.CreateFollowupAsync(applicationId, token, message, cancellationToken);
}
