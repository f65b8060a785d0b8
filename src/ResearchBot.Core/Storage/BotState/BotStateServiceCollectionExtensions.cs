using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ResearchBot.BotState;
using ResearchBot.Configuration;

namespace ResearchBot.Storage.BotState;

/// <summary>Registers the bot's state (conversations, server settings, token usage, job runs, posted answers, saved searches, feedback, subscriptions) in the store.</summary>
public static class BotStateServiceCollectionExtensions
{
    /// <summary>Adds the SQLite repositories of the bot's state, in the store of <c>Storage:Path</c> (shared with the papers when they are registered), unless others are registered.</summary>
    public static IServiceCollection AddBotState(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<StorageOptions, StorageOptionsValidator>(configuration, StorageOptions.Section);
        services.TryAddSingleton(sp => new SqliteConnectionFactory(sp.GetRequiredService<IOptions<StorageOptions>>().Value, sp.GetService<StoreAccess>()));
        services.TryAddSingleton<BotStateTables>();
        services.TryAddSingleton<IConversationRepository, SqliteConversationRepository>();
        services.TryAddSingleton<IGuildSettingsRepository, SqliteGuildSettingsRepository>();
        services.TryAddSingleton<ITokenUsageRepository, SqliteTokenUsageRepository>();
        services.TryAddSingleton<IJobRunRepository, SqliteJobRunRepository>();
        services.TryAddSingleton<IPostedAnswerRepository, SqlitePostedAnswerRepository>();
        services.TryAddSingleton<ISavedSearchRepository, SqliteSavedSearchRepository>();
        services.TryAddSingleton<IFeedbackRepository, SqliteFeedbackRepository>();
        services.TryAddSingleton<ISubscriptionRepository, SqliteSubscriptionRepository>();
        return services;
    }
}
