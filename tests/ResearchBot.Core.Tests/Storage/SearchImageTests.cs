using Microsoft.Extensions.DependencyInjection;
using ResearchBot.Ingestion;
using ResearchBot.Papers;
using ResearchBot.Retrieval;
using ResearchBot.Retrieval.Index;
using ResearchBot.Storage;
using ResearchBot.Tests.Ingestion;
using static ResearchBot.Tests.Storage.TestPapers;

namespace ResearchBot.Tests.Storage;

/// <summary>
/// The search image (<see cref="SqliteSearchImage"/>): what search reads on opening, saved as blobs for one generation.
/// Read back it is exactly what the rows give; a later write makes it stale and search reads the rows again.
/// </summary>
public class SearchImageTests
{
    private static List<Paper> Papers(int from, int count) =>
        [.. Enumerable.Range(from, count).Select(i => Make($"Sparse attention variant {i} for long documents",
            $"Variant {i} of a sparse attention layer with {(i % 3 == 0 ? "rotary" : "learned")} positions, evaluated on long documents.", 1 + i % 20))];

    private static SqlitePaperStore ImageStore(TestStore t, int from = 0) => new(t.Factory, t.Embedder) { SearchImageFrom = from };

    private static long? ImageGeneration(TestStore t)
    {
        using var c = t.Factory.Open();
        return SqliteSearchImage.Generation(c);
    }

    private static void AssertSameContents(SearchIndexContents expected, SearchIndexContents actual)
    {
        Assert.Equal(expected.Generation, actual.Generation);
        Assert.Equal(expected.Capacity, actual.Capacity);
        Assert.Equal(expected.Exists, actual.Exists);
        Assert.Equal(expected.TitleLength, actual.TitleLength);
        Assert.Equal(expected.AbstractLength, actual.AbstractLength);
        Assert.Equal(expected.DayNumber, actual.DayNumber);
        Assert.Equal(expected.DocumentFrequency.OrderBy(kv => kv.Key), actual.DocumentFrequency.OrderBy(kv => kv.Key));
        Assert.Equal(expected.Embedder, actual.Embedder);
        var (data, scale, signs, norm) = expected.Vectors!.Arrays;
        var (data2, scale2, signs2, norm2) = actual.Vectors!.Arrays;
        Assert.Equal(expected.Vectors.Dimensions, actual.Vectors.Dimensions);
        Assert.Equal(data, data2);
        Assert.Equal(scale, scale2);
        Assert.Equal(signs, signs2);
        Assert.Equal(norm, norm2);
    }

    [Fact]
    public async Task A_saved_image_reads_back_exactly_as_the_rows()
    {
        using var folder = new TempFolder();
        using var t = TestStore.OnFile(System.IO.Path.Combine(folder.Path, "papers.db"));
        await t.Store.UpsertAsync(Papers(0, 40)); // the default store keeps no image below 50,000 papers
        await t.Store.DeleteAsync([Papers(5, 1)[0].Id]); // a gap in the document numbers
        Assert.Null(ImageGeneration(t));
        var fromRows = t.IndexSource.ReadContents();

        Assert.True(await ImageStore(t).SaveSearchImageAsync());
        // Rows changed behind the generation's back show whether the image or the rows are read.
        t.Scalar("UPDATE papers SET title_len = 999 RETURNING 0");
        var fromImage = t.IndexSource.ReadContents();

        AssertSameContents(fromRows, fromImage);
        Assert.Equal(39, fromImage.Exists.Count(e => e));
        Assert.DoesNotContain(999, fromImage.TitleLength);
    }

    [Fact]
    public async Task Delete_and_reembed_save_the_image()
    {
        using var folder = new TempFolder();
        using var t = TestStore.OnFile(System.IO.Path.Combine(folder.Path, "papers.db"));
        var store = ImageStore(t);
        await store.UpsertAsync(Papers(0, 10));

        await store.DeleteAsync([Papers(3, 1)[0].Id]);
        Assert.Equal(t.IndexSource.CurrentGeneration(), ImageGeneration(t));
        await store.ReembedAsync();
        Assert.Equal(t.IndexSource.CurrentGeneration(), ImageGeneration(t));
        Assert.Equal(9, t.IndexSource.ReadContents().Exists.Count(e => e));
    }

    [Fact]
    public async Task An_image_is_used_only_for_its_generation_and_saved_again_after_a_write()
    {
        using var folder = new TempFolder();
        using var t = TestStore.OnFile(System.IO.Path.Combine(folder.Path, "papers.db"));
        var store = ImageStore(t);
        await store.UpsertAsync(Papers(0, 20));
        Assert.True(await store.SaveSearchImageAsync());
        Assert.False(await store.SaveSearchImageAsync()); // already current

        await store.UpsertAsync(Papers(20, 5));
        var stale = ImageGeneration(t);
        var contents = t.IndexSource.ReadContents();

        Assert.True(contents.Generation > stale);
        Assert.Equal(25, contents.Exists.Count(e => e)); // read from the rows: the stale image held 20
        Assert.Equal(25, t.Ranker.Snapshot().Count);
        Assert.True(await store.SaveSearchImageAsync());
        Assert.Equal(contents.Generation, ImageGeneration(t));
        AssertSameContents(contents, t.IndexSource.ReadContents());
    }

    [Fact]
    public async Task An_image_that_cannot_be_saved_is_reported_not_thrown()
    {
        using var folder = new TempFolder();
        using var t = TestStore.OnFile(System.IO.Path.Combine(folder.Path, "papers.db"));
        var store = ImageStore(t);
        await store.UpsertAsync(Papers(0, 10));
        Assert.True(await store.SaveSearchImageAsync());
        await t.Store.UpsertAsync(Papers(10, 2)); // the default store saves no image: this one is stale now
        var stale = ImageGeneration(t);

        // Another connection holds the write lock past the busy timeout (5 s): saving gives up without failing the caller.
        using var other = t.Factory.Open();
        using var lockTx = other.BeginTransaction(deferred: false);
        var saved = await store.SaveSearchImageAsync();
        lockTx.Rollback();

        Assert.False(saved);
        Assert.Equal(stale, ImageGeneration(t));
        Assert.Equal(12, t.IndexSource.ReadContents().Exists.Count(e => e)); // read from the rows
        Assert.True(await store.SaveSearchImageAsync());
    }

    [Fact]
    public async Task A_store_below_the_threshold_keeps_no_image()
    {
        using var t = TestStore.InMemory();
        var store = ImageStore(t, from: 50);
        await store.UpsertAsync(Papers(0, 20));

        Assert.False(await store.SaveSearchImageAsync());
        Assert.Null(ImageGeneration(t));
    }

    [Fact]
    public async Task Search_answers_the_same_from_the_image()
    {
        using var folder = new TempFolder();
        using var t = TestStore.OnFile(System.IO.Path.Combine(folder.Path, "papers.db"));
        var store = ImageStore(t);
        await store.UpsertAsync([.. Corpus, .. Papers(0, 30)]);
        var before = await t.Search.SearchAsync(new SearchQuery("sparse attention with rotary positions"));
        Assert.True(await store.SaveSearchImageAsync());

        // A new ranker over the same store, as a new process would open it: it reads the image.
        var ranker = new HybridRanker(t.IndexSource, ResearchBot.Embeddings.EmbedderIdentity.Of(t.Embedder), new RetrievalOptions());
        var opened = ranker.Snapshot();
        var after = ranker.Rank("sparse attention with rotary positions", (await t.Embedder.GenerateAsync(["sparse attention with rotary positions"]))[0].Vector, DayRange.All, 10);

        Assert.Equal(before.Hits.Select(h => h.Paper.Title).Take(5), after.Select(r => r.Title).Take(5));
    }

    [Fact]
    public async Task Ingestion_saves_the_image_after_storing_papers()
    {
        using var folder = new TempFolder();
        using var t = TestStore.OnFile(System.IO.Path.Combine(folder.Path, "papers.db"));
        var file = System.IO.Path.Combine(folder.Path, "papers.jsonl");
        await File.WriteAllLinesAsync(file, Papers(0, 12).Select(p => System.Text.Json.JsonSerializer.Serialize(new { title = p.Title, @abstract = p.Abstract })));
        var store = ImageStore(t);
        await using var services = IngestionTestServices.Build(new Uri("http://127.0.0.1:9/"));
        var ingestion = new IngestionService(services.GetRequiredService<PaperFileReader>(), services.GetRequiredService<HuggingFaceDailyClient>(),
            services.GetRequiredService<ArxivClient>(), new PaperVectorCollection(store, t.Ranker, t.Embedder), TimeProvider.System, store);

        var report = await ingestion.IngestAsync(new IngestRequest([file]));

        Assert.Equal(12, report.Added);
        Assert.Equal(t.IndexSource.CurrentGeneration(), ImageGeneration(t));

        // A store filled without an image (an older build) gets one from an ingest that changes nothing.
        await t.Store.UpsertAsync(Papers(12, 3)); // the default store saves no image: the image is stale now
        var again = await ingestion.IngestAsync(new IngestRequest([file]));
        Assert.Equal((0, 0, 12), (again.Added, again.Updated, again.Unchanged));
        Assert.Equal(t.IndexSource.CurrentGeneration(), ImageGeneration(t));
    }
}
