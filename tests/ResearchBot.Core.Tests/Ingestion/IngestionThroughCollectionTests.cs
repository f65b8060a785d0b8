using System.Linq.Expressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.VectorData;
using ResearchBot.Ingestion;
using ResearchBot.Storage;
using ResearchBot.Tests.Storage;

namespace ResearchBot.Tests.Ingestion;

/// <summary>Ingestion writes through the papers' VectorData collection: ours (merging, with counts) or any other connector.</summary>
public class IngestionThroughCollectionTests
{
    private static readonly Uri Unused = new("http://127.0.0.1:9/");

    [Fact]
    public async Task Ingestion_merges_through_our_collection_and_the_papers_are_found_through_it()
    {
        using var t = TestStore.InMemory();
        using var folder = new TempFolder();
        var first = folder.Write("a.jsonl", Line("2401.00001", "Sparse Attention for Long Documents", "Short.") + Line("2401.00002", "Denoising Diffusion", "Images."));
        var second = folder.Write("b.jsonl", Line("2401.00001", "Sparse Attention for Long Documents", "A longer abstract wins the merge.") + Line("2401.00003", "Legged Robots", "Walking."));

        var a = await IngestAsync(t.Collection, first);
        var b = await IngestAsync(t.Collection, second);
        var again = await IngestAsync(t.Collection, second);

        Assert.Equal((2, 0, 0), (a.Added, a.Updated, a.Unchanged));
        Assert.Equal((1, 1, 0), (b.Added, b.Updated, b.Unchanged));
        Assert.Equal((0, 0, 2), (again.Added, again.Updated, again.Unchanged));
        Assert.Equal("A longer abstract wins the merge.", (await t.Collection.GetAsync("2401.00001"))!.Abstract);
    }

    [Fact]
    public async Task With_a_collection_that_cannot_merge_ingestion_upserts_and_counts_by_key()
    {
        using var t = TestStore.InMemory();
        using var folder = new TempFolder();
        var first = folder.Write("a.jsonl", Line("2401.00001", "Sparse Attention for Long Documents", "Short.") + Line("2401.00002", "Denoising Diffusion", "Images."));
        var second = folder.Write("b.jsonl", Line("2401.00002", "Denoising Diffusion", "Images, again.") + Line("2401.00003", "Legged Robots", "Walking."));
        var other = new PlainCollection(t.Collection);

        var a = await IngestAsync(other, first);
        var b = await IngestAsync(other, second);

        Assert.Null(other.GetService(typeof(IPaperRecordMerge)));
        Assert.Equal((2, 0), (a.Added, a.Updated));
        Assert.Equal((1, 1), (b.Added, b.Updated));
        Assert.Equal(4, other.Upserted);
        Assert.Equal("Images, again.", (await t.Collection.GetAsync("2401.00002"))!.Abstract);
    }

    private static async Task<IngestReport> IngestAsync(VectorStoreCollection<string, PaperRecord> collection, string file)
    {
        await using var services = IngestionTestServices.Build(Unused);
        var ingestion = new IngestionService(services.GetRequiredService<PaperFileReader>(), services.GetRequiredService<HuggingFaceDailyClient>(),
            services.GetRequiredService<ArxivClient>(), collection, TimeProvider.System);
        var report = await ingestion.IngestAsync(new IngestRequest([file]));
        Assert.True(report.Succeeded, string.Join("; ", report.Failures));
        return report;
    }

    private static string Line(string id, string title, string @abstract) =>
        System.Text.Json.JsonSerializer.Serialize(new { id, title, @abstract }) + "\n";

    /// <summary>Another connector: the VectorData surface only, no <see cref="IPaperRecordMerge"/>.</summary>
    private sealed class PlainCollection(VectorStoreCollection<string, PaperRecord> inner) : VectorStoreCollection<string, PaperRecord>
    {
        public int Upserted { get; private set; }

        public override string Name => inner.Name;
        public override object? GetService(Type serviceType, object? serviceKey = null) => serviceType == typeof(IPaperRecordMerge) ? null : inner.GetService(serviceType, serviceKey);
        public override Task<bool> CollectionExistsAsync(CancellationToken cancellationToken = default) => inner.CollectionExistsAsync(cancellationToken);
        public override Task EnsureCollectionExistsAsync(CancellationToken cancellationToken = default) => inner.EnsureCollectionExistsAsync(cancellationToken);
        public override Task EnsureCollectionDeletedAsync(CancellationToken cancellationToken = default) => inner.EnsureCollectionDeletedAsync(cancellationToken);
        public override Task<PaperRecord?> GetAsync(string key, RecordRetrievalOptions? options = null, CancellationToken cancellationToken = default) => inner.GetAsync(key, options, cancellationToken);
        public override IAsyncEnumerable<PaperRecord> GetAsync(IEnumerable<string> keys, RecordRetrievalOptions? options = null, CancellationToken cancellationToken = default) => inner.GetAsync(keys, options, cancellationToken);
        public override IAsyncEnumerable<PaperRecord> GetAsync(Expression<Func<PaperRecord, bool>> filter, int top, FilteredRecordRetrievalOptions<PaperRecord>? options = null, CancellationToken cancellationToken = default) => inner.GetAsync(filter, top, options, cancellationToken);
        public override Task DeleteAsync(string key, CancellationToken cancellationToken = default) => inner.DeleteAsync(key, cancellationToken);
        public override Task UpsertAsync(PaperRecord record, CancellationToken cancellationToken = default) => UpsertAsync([record], cancellationToken);

        public override Task UpsertAsync(IEnumerable<PaperRecord> records, CancellationToken cancellationToken = default)
        {
            List<PaperRecord> list = [.. records];
            Upserted += list.Count;
            return inner.UpsertAsync(list, cancellationToken);
        }

        public override IAsyncEnumerable<VectorSearchResult<PaperRecord>> SearchAsync<TInput>(TInput searchValue, int top, VectorSearchOptions<PaperRecord>? options = null, CancellationToken cancellationToken = default) =>
            inner.SearchAsync(searchValue, top, options, cancellationToken);
    }
}
