using ResearchBot.Discord.Rest;
using ResearchBot.Discord.Rest.Models;

namespace ResearchBot.Discord.Bot;

/// <summary>A reply to a message in a channel, thread or DM: the primary message references the question.</summary>
public sealed class ChannelReply(DiscordRestClient rest, string channelId, string questionMessageId) : IReplyTarget
{
    private string? _primaryId;
    private readonly List<string> _ids = [];

    public IReadOnlyList<string> MessageIds => _ids;

    public async Task ShowAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        if (_primaryId is null)
            _ids.Add(_primaryId = await rest.CreateMessageAsync(channelId, message with { Reference = new MessageReference(questionMessageId) }, cancellationToken));
        else
            await rest.EditMessageAsync(channelId, _primaryId, message, cancellationToken);
    }

    public async Task AppendAsync(OutgoingMessage message, CancellationToken cancellationToken) =>
        _ids.Add(await rest.CreateMessageAsync(channelId, message, cancellationToken));
}
