using Microsoft.Extensions.Options;
using ResearchBot.BotState;
using ResearchBot.Digest;

namespace ResearchBot.Discord.Bot.Subscriptions;

/// <summary>A channel's digest interests: the configured <c>Digest:Interests</c> and the channel's subscribed phrases, so its digest ranks their papers first.</summary>
public sealed class ChannelInterests(ISubscriptionRepository subscriptions, IOptions<DigestOptions> digest)
{
    /// <summary>The interests for <paramref name="channelId"/>'s digest, or null (the configured ones) when it has no subscriptions.</summary>
    public async Task<IReadOnlyList<string>?> ForAsync(string channelId, CancellationToken cancellationToken)
    {
        var phrases = (await subscriptions.ForChannelAsync(channelId, cancellationToken)).Select(s => s.Phrase).ToList();
        return phrases.Count == 0 ? null : [.. phrases, .. digest.Value.Interests];
    }
}
