using ResearchBot.Embeddings;
using ResearchBot.Papers;
using ResearchBot.Retrieval;
using ResearchBot.Retrieval.Index;
using ResearchBot.Storage;
using ResearchBot.Tests.Ingestion;

namespace ResearchBot.Tests.Storage;

/// <summary>Findings of the code review, kept fixed: document numbers are never reused, and search refuses another embedder's vectors.</summary>
public sealed class ReviewRegressionTests
{
    private static Paper Make(string id, string title) => new() { Id = id, Title = title, Abstract = "About " + title.ToLowerInvariant() + "." };

    [Fact]
    public async Task A_deleted_papers_document_number_is_not_given_to_the_next_paper()
    {
        using var t = TestStore.InMemory();
        await t.Store.UpsertAsync([Make("2401.00001", "Diffusion Models for Images"), Make("2401.00002", "Speech Recognition at Scale")]);
        var before = t.Ranker.Rank("speech recognition", null, DayRange.All, 1).Single().Doc;

        await t.Store.DeleteAsync(["2401.00002"]);
        await t.Store.UpsertAsync([Make("2401.00003", "Graph Neural Networks Explained")]);

        var after = t.Ranker.Rank("graph neural networks", null, DayRange.All, 1).Single().Doc;
        Assert.True(after > before, $"the new paper got document {after}, the deleted one had {before}");
    }

    [Fact]
    public async Task Searching_with_another_embedder_than_the_stores_is_refused_with_a_clear_message()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "papers.db");
        using (var t = TestStore.OnFile(path)) await t.Store.UpsertAsync([Make("2401.00001", "Diffusion Models for Images")]);

        using var other = TestStore.OnFile(path, new OfflineEmbeddingGenerator(new OfflineEmbeddingOptions { Dimensions = 128 }));
        var error = await Assert.ThrowsAsync<EmbeddingMismatchException>(() => other.Search.SearchAsync(new SearchQuery("diffusion models")));

        Assert.Contains("reembed", error.Message);
    }
}
