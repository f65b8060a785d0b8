using ResearchBot.Embeddings;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.VectorData;
using ResearchBot.Storage;
using static ResearchBot.Tests.Storage.TestPapers;

namespace ResearchBot.Tests.Storage;

/// <summary>The store through the VectorData abstractions only, as a replacement connector would be used.</summary>
public class PaperVectorCollectionTests
{
    private static async Task<(TestStore Store, VectorStoreCollection<string, PaperRecord> Collection)> CreateAsync()
    {
        var t = TestStore.InMemory();
        VectorStoreCollection<string, PaperRecord> collection = t.Collection;
        await collection.EnsureCollectionExistsAsync();
        await collection.UpsertAsync(Corpus.Select(PaperRecord.From));
        return (t, collection);
    }

    [Fact]
    public async Task Upsert_then_get_returns_the_record()
    {
        var (t, c) = await CreateAsync();
        using var _ = t;
        await c.UpsertAsync(new PaperRecord { Id = "2411.00001", Title = "Sparse Autoencoders Find Features", Abstract = "Dictionary learning on activations." });

        var record = await c.GetAsync("2411.00001");

        Assert.NotNull(record);
        Assert.Equal("Sparse Autoencoders Find Features", record.Title);
        Assert.Equal("Dictionary learning on activations.", record.Abstract);
        Assert.Null(record.Date);
        var diffusion = await c.GetAsync(Diffusion.Id);
        Assert.NotNull(diffusion);
        Assert.Equal(Day(4), diffusion.Date);
        Assert.Equal(Diffusion.Listings, diffusion.Paper!.Listings);
        Assert.Null(await c.GetAsync("missing"));
        Assert.True(await c.CollectionExistsAsync());
        Assert.Equal("papers", c.Name);
    }

    [Fact]
    public async Task Get_many_returns_the_records_that_exist()
    {
        var (t, c) = await CreateAsync();
        using var _ = t;
        var records = await c.GetAsync([Speech.Id, "missing", Robotics.Id]).ToListAsync();
        Assert.Equal([Speech.Title, Robotics.Title], records.Select(r => r.Title));
    }

    [Fact]
    public async Task Delete_removes_records()
    {
        var (t, c) = await CreateAsync();
        using var _ = t;
        await c.DeleteAsync(Speech.Id);
        await c.DeleteAsync([Robotics.Id, Molecules.Id]);

        Assert.Null(await c.GetAsync(Speech.Id));
        Assert.Null(await c.GetAsync(Robotics.Id));
        Assert.Equal(5, await t.Store.CountAsync());
        var hits = await c.SearchAsync("self-supervised speech recognition raw audio", 8).ToListAsync();
        Assert.DoesNotContain(hits, h => h.Record.Id == Speech.Id);
    }

    [Fact]
    public async Task Search_with_text_finds_the_paper_first_with_its_relevance_on_the_record()
    {
        var (t, c) = await CreateAsync();
        using var _ = t;
        var hits = await c.SearchAsync("denoising diffusion image generation", 3).ToListAsync();

        Assert.Equal(Diffusion.Id, hits[0].Record.Id);
        Assert.True(hits.Count <= 3);
        Assert.All(hits, h => Assert.InRange(h.Record.Relevance!.Value, 0, 1));
        Assert.True(hits[0].Score > hits[^1].Score || hits.Count == 1);
        Assert.Null(hits[0].Record.Embedding);
    }

    [Fact]
    public async Task Search_with_a_vector_finds_the_paper_it_was_made_from()
    {
        var (t, c) = await CreateAsync();
        using var _ = t;
        var embedding = (await t.Embedder.GenerateAsync([PaperEmbeddingText.Of(Molecules)]))[0];

        var byArray = await c.SearchAsync(embedding.Vector.ToArray(), 2).ToListAsync();
        var byMemory = await c.SearchAsync(embedding.Vector, 2).ToListAsync();
        var byEmbedding = await c.SearchAsync(embedding, 2, new VectorSearchOptions<PaperRecord> { IncludeVectors = true }).ToListAsync();

        Assert.Equal(Molecules.Id, byArray[0].Record.Id);
        Assert.Equal(Molecules.Id, byMemory[0].Record.Id);
        Assert.Equal(Molecules.Id, byEmbedding[0].Record.Id);
        Assert.Equal(new OfflineEmbeddingOptions().Dimensions, byEmbedding[0].Record.Embedding!.Value.Length);
    }

    [Fact]
    public async Task Hybrid_search_uses_keywords_and_vector()
    {
        var (t, c) = await CreateAsync();
        using var _ = t;
        var hybrid = Assert.IsAssignableFrom<IKeywordHybridSearchable<PaperRecord>>(c.GetService(typeof(IKeywordHybridSearchable<PaperRecord>)));
        var vector = (await t.Embedder.GenerateAsync(["quadruped robot walking policy"]))[0].Vector;

        var hits = await hybrid.HybridSearchAsync(vector, ["quadruped", "locomotion"], 3).ToListAsync();

        Assert.Equal(Robotics.Id, hits[0].Record.Id);
    }

    [Fact]
    public async Task Date_filters_are_honoured()
    {
        var (t, c) = await CreateAsync();
        using var _ = t;
        DateOnly from = Day(4), to = Day(6);
        var options = new VectorSearchOptions<PaperRecord> { Filter = r => r.Date >= from && r.Date <= to };

        var hits = await c.SearchAsync("language models images speech robots molecules diffusion retrieval", 10, options).ToListAsync();
        var hybrid = await ((IKeywordHybridSearchable<PaperRecord>)c).HybridSearchAsync("language models images speech robots molecules diffusion retrieval",
            ["language", "images", "speech", "robots", "diffusion", "retrieval"], 10, new HybridSearchOptions<PaperRecord> { Filter = r => r.Date >= from && r.Date <= to }).ToListAsync();
        var listed = await c.GetAsync(r => r.Date >= from && r.Date <= to, 10).ToListAsync();
        var exact = await c.GetAsync(r => r.Date == Day(7), 10).ToListAsync();
        var after = await c.GetAsync(r => Day(8) < r.Date, 10).ToListAsync();

        Assert.NotEmpty(hits);
        Assert.All(hits, h => Assert.InRange(h.Record.Date!.Value, from, to));
        Assert.NotEmpty(hybrid);
        Assert.All(hybrid, h => Assert.InRange(h.Record.Date!.Value, from, to));
        Assert.Equal([Diffusion.Id, Quantization.Id, Rag.Id], listed.Select(r => r.Id));
        Assert.Equal([Molecules.Id], exact.Select(r => r.Id));
        Assert.Equal([Speech.Id], after.Select(r => r.Id));
    }

    [Fact]
    public async Task Unsupported_filters_and_inputs_throw_not_supported()
    {
        var (t, c) = await CreateAsync();
        using var _ = t;
        var substring = new VectorSearchOptions<PaperRecord> { Filter = r => r.Title.Contains("x") };

        await Assert.ThrowsAsync<NotSupportedException>(async () => await c.SearchAsync("diffusion", 3, substring).ToListAsync());
        await Assert.ThrowsAsync<NotSupportedException>(async () => await c.GetAsync(r => r.Abstract.Contains("x"), 3).ToListAsync());
        await Assert.ThrowsAsync<NotSupportedException>(async () => await c.SearchAsync(42, 3).ToListAsync());
    }

    [Fact]
    public async Task Upsert_with_an_embedding_of_the_configured_size_makes_no_embedder_call()
    {
        using var t = TestStore.InMemory(new ThrowingEmbeddingGenerator(0));
        var vector = (await new OfflineEmbeddingGenerator().GenerateAsync([PaperEmbeddingText.Of(Robotics)]))[0].Vector;
        var record = PaperRecord.From(Robotics);
        record.Embedding = vector;

        await t.Collection.UpsertAsync(record);
        await t.Collection.UpsertAsync(record); // unchanged text, vector given again: still no embedder call

        var stored = await t.Collection.GetAsync(Robotics.Id, new RecordRetrievalOptions { IncludeVectors = true });
        Assert.Equal(vector.ToArray(), stored!.Embedding!.Value.ToArray(), (a, b) => Math.Abs(a - b) < 1e-3);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => t.Collection.UpsertAsync(PaperRecord.From(Speech)));
        Assert.Contains("embedder failed", error.Message);
    }

    [Fact]
    public async Task The_definition_carries_the_configured_dimensions()
    {
        using var t = TestStore.InMemory(new OfflineEmbeddingGenerator(new OfflineEmbeddingOptions { Dimensions = 64 }));
        await t.Collection.UpsertAsync(PaperRecord.From(Robotics));

        var definition = Assert.IsType<VectorStoreCollectionDefinition>(t.Collection.GetService(typeof(VectorStoreCollectionDefinition)));
        var vector = Assert.Single(definition.Properties.OfType<VectorStoreVectorProperty>());
        Assert.Equal(64, vector.Dimensions);
        Assert.Equal(64, (await t.Collection.GetAsync(Robotics.Id, new RecordRetrievalOptions { IncludeVectors = true }))!.Embedding!.Value.Length);
        var wrong = PaperRecord.From(Speech);
        wrong.Embedding = new float[256];
        var error = await Assert.ThrowsAsync<ArgumentException>(() => t.Collection.UpsertAsync(wrong));
        Assert.Equal($"record '{Speech.Id}': its embedding has 256 dimensions, the store's vectors have 64", error.Message);
    }

    [Fact]
    public async Task Upsert_replaces_by_exact_key_while_merge_joins_the_same_paper_by_title()
    {
        using var t = TestStore.InMemory();
        await t.Collection.UpsertAsync(PaperRecord.From(Diffusion));
        var sameTitle = PaperRecord.From(Diffusion with { Id = "2105.05233", Listings = [] });

        await t.Collection.UpsertAsync(sameTitle);
        var merged = await t.Collection.MergeAsync([PaperRecord.From(Robotics), PaperRecord.From(Robotics with { Id = "2109.11978", Listings = [] })]);

        Assert.NotNull(await t.Collection.GetAsync(Diffusion.Id));
        Assert.NotNull(await t.Collection.GetAsync("2105.05233"));
        Assert.Equal(new UpsertResult(1, 0, 0), merged);
        Assert.Equal(3, await t.Store.CountAsync());
    }

    [Fact]
    public async Task Skip_and_score_threshold_page_and_cut_the_results()
    {
        var (t, c) = await CreateAsync();
        using var _ = t;
        var all = await c.SearchAsync("large language models", 4).ToListAsync();
        var skipped = await c.SearchAsync("large language models", 3, new VectorSearchOptions<PaperRecord> { Skip = 1 }).ToListAsync();
        var cut = await c.SearchAsync("large language models", 8, new VectorSearchOptions<PaperRecord> { ScoreThreshold = 0.5 }).ToListAsync();

        Assert.Equal(all.Skip(1).Select(h => h.Record.Id), skipped.Select(h => h.Record.Id));
        Assert.All(cut, h => Assert.True(h.Score >= 0.5));
    }

    [Fact]
    public async Task Deleting_the_collection_removes_every_paper()
    {
        var (t, c) = await CreateAsync();
        using var _ = t;
        await c.EnsureCollectionDeletedAsync();
        Assert.Equal(0, await t.Store.CountAsync());
        Assert.Empty(await c.SearchAsync("diffusion", 3).ToListAsync());
    }

    [Fact]
    public void The_collection_describes_itself()
    {
        using var t = TestStore.InMemory();
        var metadata = Assert.IsType<VectorStoreCollectionMetadata>(t.Collection.GetService(typeof(VectorStoreCollectionMetadata)));
        Assert.Equal("papers", metadata.CollectionName);
        Assert.Null(t.Collection.GetService(typeof(IEmbeddingGenerator)));
    }
}
