namespace ResearchBot.Storage;

/// <summary>
/// What ingestion asks of a <see cref="Microsoft.Extensions.VectorData.VectorStoreCollection{TKey, TRecord}"/> of papers,
/// through <c>GetService</c>: an upsert that merges (the same paper, by id or title key, is stored once, listings unite and
/// richer fields win, where a plain upsert replaces the record with that key) and says what it did.
/// </summary>
public interface IPaperRecordMerge
{
    Task<UpsertResult> MergeAsync(IReadOnlyList<PaperRecord> records, CancellationToken cancellationToken = default);
}
