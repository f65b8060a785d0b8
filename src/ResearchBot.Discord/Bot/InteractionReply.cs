using ResearchBot.Discord.Rest;
using ResearchBot.Discord.Rest.Models;

namespace ResearchBot.Discord.Bot;

/// <summary>The answer to a deferred interaction: the original response edited, then follow-ups.</summary>
public sealed class InteractionReply(DiscordRestClient rest, string applicationId, string token) : IReplyTarget
{
    private readonly List<string> _ids = [];

    public IReadOnlyList<string> MessageIds => _ids;

    public async Task ShowAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        if (await rest.EditOriginalResponseAsync(applicationId, token, message, cancellationToken) is { } id && !_ids.Contains(id)) _ids.Insert(0, id);
    }

    public async Task AppendAsync(OutgoingMessage message, CancellationToken cancellationToken) =>
        _ids.Add(await rest.CreateFollowupAsync(applicationId, token, message, cancellationToken));
}
