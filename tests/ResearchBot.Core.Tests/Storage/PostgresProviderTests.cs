using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ResearchBot.Embeddings;
using ResearchBot.Retrieval;
using ResearchBot.Retrieval.Index;
using ResearchBot.Scheduling;
using ResearchBot.Storage;
using ResearchBot.Storage.Postgres;
using ResearchBot.TestSupport.Postgres;
using static ResearchBot.Tests.Storage.TestPapers;

namespace ResearchBot.Tests.Storage;

/// <summary>Choosing PostgreSQL by configuration: the wiring, the checks at start, and a connection string that is never shown.</summary>
public class PostgresProviderTests
{
    [Fact]
    public async Task Storage_Provider_Postgres_wires_the_postgres_store_index_source_and_job_lock()
    {
        var connectionString = PostgresServer.Instance.CreateDatabase("wiring");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Postgres",
            ["Storage:ConnectionString"] = connectionString,
        }).Build();
        await using var services = new ServiceCollection().AddEmbeddings(configuration).AddPaperStore(configuration)
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });

        var store = services.GetRequiredService<IPaperStore>();
        Assert.IsType<PostgresPaperStore>(store);
        Assert.IsType<PostgresSearchIndexSource>(services.GetRequiredService<ISearchIndexSource>());
        Assert.IsType<PostgresJobLock>(services.GetRequiredService<IJobLock>());
        await store.UpsertAsync(Corpus);

        var results = await services.GetRequiredService<IPaperSearch>().SearchAsync(new SearchQuery("graph neural networks molecules", 3));

        Assert.Equal(Molecules.Id, results.Hits[0].Paper.Id);
        Assert.Matches(@"^postgres://127\.0\.0\.1:\d+/wiring_\d+_\d+$", services.GetRequiredService<IIndexedPaperStore>().Description);
    }

    [Fact]
    public void The_sqlite_provider_stays_the_default_with_an_in_process_job_lock()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:Path"] = ":memory:" }).Build();
        using var services = new ServiceCollection().AddEmbeddings(configuration).AddPaperStore(configuration).BuildServiceProvider();

        Assert.IsType<SqlitePaperStore>(services.GetRequiredService<IPaperStore>());
        Assert.IsType<InProcessJobLock>(services.GetRequiredService<IJobLock>());
    }

    [Theory]
    [InlineData(null, "Storage:ConnectionString must be set when Storage:Provider is Postgres")]
    [InlineData("Host=db;Pasword=hunter2;Database=x", "Storage:ConnectionString is not an Npgsql connection string")]
    [InlineData("Port=5432;Password=hunter2", "Storage:ConnectionString must name a Host")]
    public void A_missing_or_malformed_connection_string_is_named_without_its_secret(string? connectionString, string expected)
    {
        var result = new StorageOptionsValidator().Validate(null, new StorageOptions { Provider = StorageProvider.Postgres, ConnectionString = connectionString });

        var failure = Assert.Single(result.Failures!);
        Assert.StartsWith(expected, failure);
        Assert.DoesNotContain("hunter2", failure);
        Assert.DoesNotContain("hunter2", new StorageOptions { ConnectionString = connectionString }.ToString());
    }

    [Fact]
    public void A_server_that_cannot_be_reached_is_a_store_error_without_the_password()
    {
        var error = Assert.Throws<StoreUnavailableException>(() => new PostgresDatabase("Host=127.0.0.1;Port=1;Database=x;Username=u;Password=hunter2;Timeout=3"));

        Assert.StartsWith("store: cannot open postgres://127.0.0.1:1/x: ", error.Message);
        Assert.DoesNotContain("hunter2", error.Message);
    }
}
