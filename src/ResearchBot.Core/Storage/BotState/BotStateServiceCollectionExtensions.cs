using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ResearchBot.BotState;

namespace ResearchBot.Storage.BotState;

/// <summary>Registers the SQLite bot-state repositories (over the store's <see cref="SqliteConnectionFactory"/>) unless others are registered.</summary>
public static class BotStateServiceCollectionExtensions
{
    public static IServiceCollection AddSqliteBotState(this IServiceCollection services)
    {
        services.TryAddSingleton<IPostedAnswerRepository, SqlitePostedAnswerRepository>();
        services.TryAddSingleton<ISavedSearchRepository, SqliteSavedSearchRepository>();
        services.TryAddSingleton<IFeedbackRepository, SqliteFeedbackRepository>();
        services.TryAddSingleton<ISubscriptionRepository, SqliteSubscriptionRepository>();
        return services;
    }
}
