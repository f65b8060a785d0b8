using ResearchBot.Discord.Rest;
using ResearchBot.Discord.Rest.Models;

namespace ResearchBot.Discord.Bot;

/// <summary>New messages in a channel, not replying to anything (the scheduled digest).</summary>
public sealed class ChannelPost(DiscordRestClient rest, string channelId) : IReplyTarget
{
    public Task ShowAsync(OutgoingMessage message, CancellationToken cancellationToken) => rest.CreateMessageAsync(channelId, message, cancellationToken);

    public Task AppendAsync(OutgoingMessage message, CancellationToken cancellationToken) => rest.CreateMessageAsync(channelId, message, cancellationToken);
}
