using ResearchBot.BotState;

namespace ResearchBot.Core.Tests.Storage.BotState;

/// <summary>The bot's state as one process opens it: the eight repositories over one store, and what to dispose when that process ends.</summary>
public sealed class BotStateUnderTest(
    IConversationRepository conversations,
    IGuildSettingsRepository settings,
    ITokenUsageRepository tokens,
    IJobRunRepository jobs,
    IPostedAnswerRepository answers,
    ISavedSearchRepository searches,
    IFeedbackRepository feedback,
    ISubscriptionRepository subscriptions,
    IDisposable connections) : IDisposable
{
    public IConversationRepository Conversations { get; } = conversations;
    public IGuildSettingsRepository Settings { get; } = settings;
    public ITokenUsageRepository Tokens { get; } = tokens;
    public IJobRunRepository Jobs { get; } = jobs;
    public IPostedAnswerRepository Answers { get; } = answers;
    public ISavedSearchRepository Searches { get; } = searches;
    public IFeedbackRepository Feedback { get; } = feedback;
    public ISubscriptionRepository Subscriptions { get; } = subscriptions;

    public void Dispose() => connections.Dispose();
}
