namespace ResearchBot.BotState;

/// <summary>A reader's verdict on an answer.</summary>
public enum FeedbackVote
{
    Down = -1,
    Up = 1,
}

/// <summary>One 👍 or 👎 on an answer, with what the answer was about.</summary>
/// <param name="GuildId">The server, or null in a direct message.</param>
/// <param name="MessageId">The answer message reacted to.</param>
/// <param name="UserId">Who reacted.</param>
/// <param name="Question">The question the answer was for.</param>
/// <param name="PaperIds">The papers the answer cited.</param>
public sealed record FeedbackEntry(
    string? GuildId, string ChannelId, string MessageId, string UserId, FeedbackVote Vote, string Question, IReadOnlyList<string> PaperIds, DateTimeOffset At);

/// <summary>A server's feedback since some time: the totals and the latest entries (newest first).</summary>
public sealed record FeedbackCounts(int Up, int Down, IReadOnlyList<FeedbackEntry> Recent);

/// <summary>Keeps feedback on answers.</summary>
public interface IFeedbackRepository
{
    /// <summary>Adds the entry; false when that user's same vote on that message is already stored.</summary>
    Task<bool> AddAsync(FeedbackEntry entry, CancellationToken cancellationToken = default);

    /// <summary>Removes a user's vote on a message (the reaction was taken back); false when there was none.</summary>
    Task<bool> RemoveAsync(string messageId, string userId, FeedbackVote vote, CancellationToken cancellationToken = default);

    /// <summary>The server's totals since <paramref name="since"/> and its <paramref name="recent"/> latest entries.</summary>
    Task<FeedbackCounts> CountsAsync(string guildId, DateTimeOffset since, int recent, CancellationToken cancellationToken = default);

    /// <summary>The server's entries, newest first, at most <paramref name="max"/>.</summary>
    Task<IReadOnlyList<FeedbackEntry>> ForGuildAsync(string guildId, int max, CancellationToken cancellationToken = default);
}
