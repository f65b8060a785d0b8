namespace ResearchBot.BotState;

/// <summary>A channel's subscription to a phrase: new papers matching it are posted there and rank first in its digest.</summary>
/// <param name="Phrase">The phrase as given (matched like a digest interest).</param>
/// <param name="CreatedBy">The user who subscribed.</param>
/// <param name="Since">The latest listing day when it was made: papers of earlier days are never posted for it.</param>
public sealed record ChannelSubscription(string ChannelId, string? GuildId, string Phrase, string CreatedBy, DateTimeOffset At, DateOnly? Since)
{
    /// <summary>Longest phrase accepted.</summary>
    public const int MaxPhraseLength = 100;

    /// <summary>The phrase trimmed, with single spaces.</summary>
    public static string Normalize(string phrase) => string.Join(' ', phrase.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}

/// <summary>Keeps channel subscriptions and which papers were already posted to each channel.</summary>
public interface ISubscriptionRepository
{
    /// <summary>Adds the subscription; false when the channel already has that phrase (compared without case).</summary>
    Task<bool> AddAsync(ChannelSubscription subscription, CancellationToken cancellationToken = default);

    /// <summary>Removes a phrase from a channel; false when it was not there.</summary>
    Task<bool> RemoveAsync(string channelId, string phrase, CancellationToken cancellationToken = default);

    /// <summary>The channel's subscriptions, oldest first.</summary>
    Task<IReadOnlyList<ChannelSubscription>> ForChannelAsync(string channelId, CancellationToken cancellationToken = default);

    /// <summary>Every subscription of every channel.</summary>
    Task<IReadOnlyList<ChannelSubscription>> AllAsync(CancellationToken cancellationToken = default);

    /// <summary>The papers already posted to (or seen by) the channel.</summary>
    Task<IReadOnlySet<string>> PostedAsync(string channelId, CancellationToken cancellationToken = default);

    /// <summary>Records papers as posted to the channel.</summary>
    Task MarkPostedAsync(string channelId, IEnumerable<string> paperIds, CancellationToken cancellationToken = default);
}
