using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ResearchBot.Embeddings;
using ResearchBot.Retrieval;
using ResearchBot.Storage;
using ResearchBot.TestSupport.OpenAi;
using static ResearchBot.Tests.Storage.TestPapers;

namespace ResearchBot.Tests.Embeddings;

public class EmbeddingServiceCollectionExtensionsTests
{
    [Fact]
    public void Offline_is_the_default()
    {
        var g = EmbeddingServiceCollectionExtensions.Create(new EmbeddingOptions());
        Assert.IsType<OfflineEmbeddingGenerator>(g);
    }

    [Fact]
    public void The_offline_settings_are_bound_from_configuration()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Embeddings:Provider"] = "offline",
            ["Embeddings:Offline:Dimensions"] = "96",
        }).Build();
        using var services = new ServiceCollection().AddEmbeddings(configuration).BuildServiceProvider();

        var g = services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();

        Assert.Equal(96, g.GetService<EmbeddingGeneratorMetadata>()!.DefaultModelDimensions);
    }

    [Theory]
    [InlineData("OpenAI")]
    [InlineData("Ollama")]
    public void A_provider_without_a_model_fails_naming_the_key(string provider)
    {
        var error = Assert.Throws<OptionsValidationException>(() =>
            EmbeddingServiceCollectionExtensions.Create(new EmbeddingOptions { Provider = provider, ApiKey = "k" }));
        Assert.Contains("Embeddings:Model", error.Message);
    }

    [Fact]
    public void An_unknown_provider_fails_naming_the_choices()
    {
        var error = Assert.Throws<OptionsValidationException>(() => EmbeddingServiceCollectionExtensions.Create(new EmbeddingOptions { Provider = "Cohere" }));
        Assert.Contains("Cohere", error.Message);
        Assert.Contains("Offline, OpenAI, Ollama", error.Message);
    }

    [Fact]
    public async Task OpenAI_embeds_in_batches_and_the_vectors_land_in_the_store()
    {
        await using var server = await FakeEmbeddingsServer.StartAsync(dimensions: 8);
        var embedder = EmbeddingServiceCollectionExtensions.Create(new EmbeddingOptions
        {
            Provider = "OpenAI", Model = "text-embedding-test", ApiKey = "test-key", Endpoint = new Uri(server.BaseUrl, "v1").ToString(),
        });
        using var t = Storage.TestStore.InMemory(embedder, batchSize: 3);

        await t.Store.UpsertAsync(Corpus);

        Assert.Equal([3, 3, 2], server.Batches.Select(b => b.Count));
        Assert.All(server.Models, m => Assert.Equal("text-embedding-test", m));
        Assert.Equal(Corpus.Select(PaperEmbeddingText.Of), server.Batches.SelectMany(b => b));
        var stats = await t.Store.GetStatsAsync();
        Assert.Equal(8, stats.EmbeddingDimensions);
        Assert.Contains("text-embedding-test", stats.EmbeddingModel);
        var record = await t.Collection.GetAsync(r => r.Date == Day(4), 1, new() { IncludeVectors = true }).SingleAsync();
        Assert.Equal(server.VectorOf(PaperEmbeddingText.Of(Diffusion)), record.Embedding!.Value.ToArray(), new ToleranceComparer(2e-3f));

        var results = await t.Search.SearchAsync(new SearchQuery("diffusion image synthesis", 3));
        Assert.Equal(Diffusion.Id, results.Hits[0].Paper.Id);
        Assert.Equal("diffusion image synthesis", server.Batches[^1].Single());
    }

    [Fact]
    public async Task Ollama_embeds_through_api_embed_and_the_vectors_land_in_the_store()
    {
        await using var server = await FakeEmbeddingsServer.StartAsync(dimensions: 12);
        var embedder = EmbeddingServiceCollectionExtensions.Create(new EmbeddingOptions
        {
            Provider = "Ollama", Model = "nomic-embed-test", Endpoint = server.BaseUrl.ToString(),
        });
        using var t = Storage.TestStore.InMemory(embedder, batchSize: 5);

        await t.Store.UpsertAsync(Corpus);

        Assert.Equal([5, 3], server.Batches.Select(b => b.Count));
        Assert.All(server.Models, m => Assert.Equal("nomic-embed-test", m));
        var stats = await t.Store.GetStatsAsync();
        Assert.Equal(12, stats.EmbeddingDimensions);
        var record = await t.Collection.GetAsync(r => r.Date == Day(9), 1, new() { IncludeVectors = true }).SingleAsync();
        Assert.Equal(server.VectorOf(PaperEmbeddingText.Of(Speech)), record.Embedding!.Value.ToArray(), new ToleranceComparer(2e-3f));
    }

    private sealed class ToleranceComparer(float tolerance) : IEqualityComparer<float>
    {
        public bool Equals(float a, float b) => Math.Abs(a - b) <= tolerance;
        public int GetHashCode(float x) => 0;
    }
}
