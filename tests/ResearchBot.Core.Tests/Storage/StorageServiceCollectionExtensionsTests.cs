using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.VectorData;
using ResearchBot.Embeddings;
using ResearchBot.Retrieval;
using ResearchBot.Storage;
using static ResearchBot.Tests.Storage.TestPapers;

namespace ResearchBot.Tests.Storage;

public class StorageServiceCollectionExtensionsTests
{
    [Fact]
    public async Task The_in_memory_store_is_wired_for_search_by_configuration()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Path"] = ":memory:",
            ["Embeddings:BatchSize"] = "4",
        }).Build();
        await using var services = new ServiceCollection().AddEmbeddings(configuration).AddPaperStore(configuration)
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });

        var store = services.GetRequiredService<IPaperStore>();
        Assert.Same(store, services.GetRequiredService<SqlitePaperStore>());
        Assert.Same(store, services.GetRequiredService<IPaperMaintenance>());
        Assert.IsType<PaperVectorCollection>(services.GetRequiredService<VectorStoreCollection<string, PaperRecord>>());
        await store.UpsertAsync(Corpus);

        var results = await services.GetRequiredService<IPaperSearch>().SearchAsync(new SearchQuery("graph neural networks molecules", 3));

        Assert.Equal(Molecules.Id, results.Hits[0].Paper.Id);
        Assert.Equal("in-memory store", store.Description);
    }
}
