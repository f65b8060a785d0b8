using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ResearchBot.BotState;
using ResearchBot.Configuration;
using ResearchBot.Storage.Postgres;
using ResearchBot.Storage.Postgres.BotState;
using static ResearchBot.Storage.StorageServiceCollectionExtensions;

namespace ResearchBot.Storage.BotState;

/// <summary>Registers the bot's state (conversations, server settings, token usage, job runs, posted answers, saved searches, feedback, subscriptions) in the store.</summary>
public static class BotStateServiceCollectionExtensions
{
    /// <summary>
    /// Adds the repositories of the bot's state in the store of <c>Storage:Provider</c> (shared with the papers when they are
    /// registered), unless others are registered: the SQLite file of <c>Storage:Path</c>, or with <c>Postgres</c> the
    /// PostgreSQL database of <c>Storage:ConnectionString</c>, which every process on it shares.
    /// </summary>
    public static IServiceCollection AddBotState(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<StorageOptions, StorageOptionsValidator>(configuration, StorageOptions.Section);
        services.TryAddSingleton(sp => new SqliteConnectionFactory(sp.GetRequiredService<IOptions<StorageOptions>>().Value, sp.GetService<StoreAccess>()));
        services.TryAddSingleton(OpenPostgres);
        services.TryAddSingleton<BotStateTables>();
        Add<IConversationRepository>(services, sp => new SqliteConversationRepository(sp.GetRequiredService<BotStateTables>()), db => new PostgresConversationRepository(db));
        Add<IGuildSettingsRepository>(services, sp => new SqliteGuildSettingsRepository(sp.GetRequiredService<BotStateTables>()), db => new PostgresGuildSettingsRepository(db));
        Add<ITokenUsageRepository>(services, sp => new SqliteTokenUsageRepository(sp.GetRequiredService<BotStateTables>()), db => new PostgresTokenUsageRepository(db));
        Add<IJobRunRepository>(services, sp => new SqliteJobRunRepository(sp.GetRequiredService<BotStateTables>()), db => new PostgresJobRunRepository(db));
        Add<IPostedAnswerRepository>(services, sp => new SqlitePostedAnswerRepository(sp.GetRequiredService<SqliteConnectionFactory>()), db => new PostgresPostedAnswerRepository(db));
        Add<ISavedSearchRepository>(services, sp => new SqliteSavedSearchRepository(sp.GetRequiredService<SqliteConnectionFactory>()), db => new PostgresSavedSearchRepository(db));
        Add<IFeedbackRepository>(services, sp => new SqliteFeedbackRepository(sp.GetRequiredService<SqliteConnectionFactory>()), db => new PostgresFeedbackRepository(db));
        Add<ISubscriptionRepository>(services, sp => new SqliteSubscriptionRepository(sp.GetRequiredService<SqliteConnectionFactory>()), db => new PostgresSubscriptionRepository(db));
        return services;
    }

    /// <summary>Registers <typeparamref name="T"/> (unless one is) as the repository of the configured provider.</summary>
    private static void Add<T>(IServiceCollection services, Func<IServiceProvider, T> sqlite, Func<PostgresDatabase, T> postgres) where T : class =>
        services.TryAddSingleton(sp => IsPostgres(sp) ? postgres(sp.GetRequiredService<PostgresDatabase>()) : sqlite(sp));
}
