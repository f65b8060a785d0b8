using ResearchBot.Answering;

namespace ResearchBot.BotState;

/// <summary>
/// An answer a chat host posted, kept so that its buttons ("Sources", "More like this", "BibTeX") and the reactions on its
/// messages still work after a restart.
/// </summary>
/// <param name="Key">The id the buttons carry (the question's message or interaction id).</param>
/// <param name="GuildId">The server, or null in a direct message.</param>
/// <param name="ChannelId">The channel, thread or DM the answer was posted in.</param>
/// <param name="Question">The question as asked (after follow-up condensation).</param>
/// <param name="Sources">The numbered sources the answer could cite.</param>
/// <param name="Citations">The numbers the answer cites.</param>
/// <param name="At">When it was answered.</param>
public sealed record PostedAnswer(
    string Key, string? GuildId, string ChannelId, string Question, IReadOnlyList<AnswerSource> Sources, IReadOnlyList<int> Citations, DateTimeOffset At)
{
    /// <summary>The sources the answer cites (all of them when it cites none), in number order.</summary>
    public IReadOnlyList<AnswerSource> Cited =>
        (Citations.Count > 0 ? Sources.Where(s => Citations.Contains(s.N)) : Sources).OrderBy(s => s.N).ToList();
}

/// <summary>Keeps <see cref="PostedAnswer"/>s and which messages show them.</summary>
public interface IPostedAnswerRepository
{
    /// <summary>Stores the answer (replacing one with the same key).</summary>
    Task SaveAsync(PostedAnswer answer, CancellationToken cancellationToken = default);

    /// <summary>Records the messages the answer was posted as (for reactions on any of them).</summary>
    Task AddMessagesAsync(string key, IReadOnlyList<string> messageIds, CancellationToken cancellationToken = default);

    /// <summary>The answer with <paramref name="key"/>, or null.</summary>
    Task<PostedAnswer?> GetAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>The answer shown by message <paramref name="messageId"/>, or null when that message is not an answer.</summary>
    Task<PostedAnswer?> FindByMessageAsync(string messageId, CancellationToken cancellationToken = default);
}
