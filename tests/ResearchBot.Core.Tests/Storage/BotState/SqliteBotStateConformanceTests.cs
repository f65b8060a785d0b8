using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ResearchBot.BotState;
using ResearchBot.Storage;
using ResearchBot.Storage.BotState;

namespace ResearchBot.Core.Tests.Storage.BotState;

/// <summary>The bot-state suite over a SQLite file in a temporary folder, reopened by each <see cref="Open"/>.</summary>
public sealed class SqliteBotStateConformanceTests : BotStateConformance, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("rb-botstate-").FullName;

    private string Path => System.IO.Path.Combine(_folder, "state.db");

    protected override BotStateUnderTest Open()
    {
        var factory = new SqliteConnectionFactory(new StorageOptions { Path = Path });
        var tables = new BotStateTables(factory);
        return new BotStateUnderTest(
            new SqliteConversationRepository(tables), new SqliteGuildSettingsRepository(tables), new SqliteTokenUsageRepository(tables),
            new SqliteJobRunRepository(tables), new SqlitePostedAnswerRepository(factory), new SqliteSavedSearchRepository(factory),
            new SqliteFeedbackRepository(factory), new SqliteSubscriptionRepository(factory), factory);
    }

    [Fact]
    public void The_sqlite_provider_stays_the_default_for_the_bots_state()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:Path"] = Path }).Build();
        using var services = new ServiceCollection().AddBotState(configuration).BuildServiceProvider();

        Assert.IsType<SqliteConversationRepository>(services.GetRequiredService<IConversationRepository>());
        Assert.IsType<SqliteGuildSettingsRepository>(services.GetRequiredService<IGuildSettingsRepository>());
        Assert.IsType<SqliteTokenUsageRepository>(services.GetRequiredService<ITokenUsageRepository>());
        Assert.IsType<SqliteJobRunRepository>(services.GetRequiredService<IJobRunRepository>());
        Assert.IsType<SqlitePostedAnswerRepository>(services.GetRequiredService<IPostedAnswerRepository>());
        Assert.IsType<SqliteSavedSearchRepository>(services.GetRequiredService<ISavedSearchRepository>());
        Assert.IsType<SqliteFeedbackRepository>(services.GetRequiredService<IFeedbackRepository>());
        Assert.IsType<SqliteSubscriptionRepository>(services.GetRequiredService<ISubscriptionRepository>());
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
