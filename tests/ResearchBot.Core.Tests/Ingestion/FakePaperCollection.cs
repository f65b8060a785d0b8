using System.Linq.Expressions;
using Microsoft.Extensions.VectorData;
using ResearchBot.Storage;

namespace ResearchBot.Tests.Ingestion;

/// <summary>
/// The papers' VectorData collection as ingestion uses it, over a <see cref="FakePaperStore"/>: ingestion merges through
/// <see cref="IPaperRecordMerge"/>, so that is all this fake does; the rest of the collection is not used by ingestion tests.
/// </summary>
internal sealed class FakePaperCollection(FakePaperStore store) : VectorStoreCollection<string, PaperRecord>, IPaperRecordMerge
{
    public override string Name => "papers";

    public Task<UpsertResult> MergeAsync(IReadOnlyList<PaperRecord> records, CancellationToken cancellationToken = default) =>
        store.UpsertAsync([.. records.Select(r => r.ToPaper())], cancellationToken);

    public override object? GetService(Type serviceType, object? serviceKey = null) => serviceType.IsInstanceOfType(this) ? this : null;

    public override Task<bool> CollectionExistsAsync(CancellationToken cancellationToken = default) => Task.FromResult(true);
    public override Task EnsureCollectionExistsAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;
    public override Task EnsureCollectionDeletedAsync(CancellationToken cancellationToken = default) => throw NotUsed();
    public override Task<PaperRecord?> GetAsync(string key, RecordRetrievalOptions? options = null, CancellationToken cancellationToken = default) => throw NotUsed();
    public override IAsyncEnumerable<PaperRecord> GetAsync(Expression<Func<PaperRecord, bool>> filter, int top, FilteredRecordRetrievalOptions<PaperRecord>? options = null, CancellationToken cancellationToken = default) => throw NotUsed();
    public override Task DeleteAsync(string key, CancellationToken cancellationToken = default) => throw NotUsed();
    public override Task UpsertAsync(PaperRecord record, CancellationToken cancellationToken = default) => throw NotUsed();
    public override Task UpsertAsync(IEnumerable<PaperRecord> records, CancellationToken cancellationToken = default) => throw NotUsed();
    public override IAsyncEnumerable<VectorSearchResult<PaperRecord>> SearchAsync<TInput>(TInput searchValue, int top, VectorSearchOptions<PaperRecord>? options = null, CancellationToken cancellationToken = default) => throw NotUsed();

    private static InvalidOperationException NotUsed() => new("ingestion only merges through IPaperRecordMerge");
}
