namespace ResearchBot.BotState;

/// <summary>Keeps conversations (per thread or DM channel) across restarts.</summary>
public interface IConversationRepository
{
    /// <summary>The conversation of <paramref name="channelId"/>, or null when none is stored.</summary>
    Task<ConversationState?> GetAsync(string channelId, CancellationToken cancellationToken = default);

    /// <summary>Stores <paramref name="conversation"/>, replacing what was stored for its channel.</summary>
    Task SaveAsync(ConversationState conversation, CancellationToken cancellationToken = default);
}
