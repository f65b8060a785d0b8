using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.VectorData;
using ResearchBot.Retrieval.Index;

namespace ResearchBot.Storage;

/// <summary>
/// Our store as a VectorData collection with keyword-hybrid search, so the rest of the bot talks to the
/// abstraction and a real connector can take its place by configuration. Vector search is a brute-force scan
/// of in-memory quantized vectors; hybrid search is <see cref="HybridRanker"/>. Search result scores are the
/// ranker's 0..1 relevance (results are ordered by the fused ranking score).
/// </summary>
public sealed class PaperVectorCollection(IIndexedPaperStore store, HybridRanker ranker, IEmbeddingGenerator<string, Embedding<float>> embedder)
    : VectorStoreCollection<string, PaperRecord>, IKeywordHybridSearchable<PaperRecord>
{
    public const string CollectionName = "papers";

    public override string Name => CollectionName;

    public override Task<bool> CollectionExistsAsync(CancellationToken cancellationToken = default) => Task.FromResult(true);

    public override Task EnsureCollectionExistsAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    public override async Task EnsureCollectionDeletedAsync(CancellationToken cancellationToken = default)
    {
        var all = store.GetRange(DayRange.All, 0, int.MaxValue);
        await store.DeleteAsync(all.Select(p => p.Paper.Id), cancellationToken);
    }

    public override async Task<PaperRecord?> GetAsync(string key, RecordRetrievalOptions? options = null, CancellationToken cancellationToken = default)
    {
        var paper = await store.GetAsync(key, cancellationToken);
        return paper is null ? null : PaperRecord.From(paper);
    }

    public override async IAsyncEnumerable<PaperRecord> GetAsync(IEnumerable<string> keys, RecordRetrievalOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var key in keys)
            if (await GetAsync(key, options, cancellationToken) is { } record) yield return record;
    }

    public override async IAsyncEnumerable<PaperRecord> GetAsync(Expression<Func<PaperRecord, bool>> filter, int top, FilteredRecordRetrievalOptions<PaperRecord>? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var (doc, paper) in store.GetRange(RecordFilter.ToDayRange(filter), options?.Skip ?? 0, top))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var record = PaperRecord.From(paper);
            if (options?.IncludeVectors == true) record.Embedding = store.GetVector(doc);
            yield return record;
        }
        await Task.CompletedTask;
    }

    public override Task DeleteAsync(string key, CancellationToken cancellationToken = default) => store.DeleteAsync([key], cancellationToken);

    public override Task DeleteAsync(IEnumerable<string> keys, CancellationToken cancellationToken = default) => store.DeleteAsync(keys, cancellationToken);

    /// <summary>Stores the record's paper (the store computes its embedding with the configured embedder).</summary>
    public override Task UpsertAsync(PaperRecord record, CancellationToken cancellationToken = default) => UpsertAsync([record], cancellationToken);

    public override Task UpsertAsync(IEnumerable<PaperRecord> records, CancellationToken cancellationToken = default) =>
        store.UpsertAsync([.. records.Select(r => r.ToPaper())], cancellationToken);

    public override async IAsyncEnumerable<VectorSearchResult<PaperRecord>> SearchAsync<TInput>(TInput searchValue, int top, VectorSearchOptions<PaperRecord>? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var vector = await ToVectorAsync(searchValue, cancellationToken);
        var range = RecordFilter.ToDayRange(options?.Filter);
        var ranked = ranker.Rank(searchValue as string ?? "", vector, range, top + (options?.Skip ?? 0));
        foreach (var r in Results(ranked, options?.Skip ?? 0, options?.ScoreThreshold, options?.IncludeVectors == true)) yield return r;
    }

    public async IAsyncEnumerable<VectorSearchResult<PaperRecord>> HybridSearchAsync<TInput>(TInput searchValue, ICollection<string> keywords, int top, HybridSearchOptions<PaperRecord>? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        where TInput : notnull
    {
        var vector = await ToVectorAsync(searchValue, cancellationToken);
        var range = RecordFilter.ToDayRange(options?.Filter);
        var ranked = ranker.Rank(string.Join(' ', keywords), vector, range, top + (options?.Skip ?? 0));
        foreach (var r in Results(ranked, options?.Skip ?? 0, options?.ScoreThreshold, options?.IncludeVectors == true)) yield return r;
    }

    private IEnumerable<VectorSearchResult<PaperRecord>> Results(IReadOnlyList<RankedDocument> ranked, int skip, double? threshold, bool includeVectors)
    {
        var page = ranked.Skip(skip).Where(r => threshold is null || r.Relevance >= threshold).ToList();
        var papers = store.GetByDocs([.. page.Select(r => r.Doc)]).ToDictionary(p => p.Doc, p => p.Paper);
        foreach (var r in page)
        {
            if (!papers.TryGetValue(r.Doc, out var paper)) continue;
            var record = PaperRecord.From(paper);
            if (includeVectors) record.Embedding = store.GetVector(r.Doc);
            yield return new VectorSearchResult<PaperRecord>(record, r.Relevance);
        }
    }

    private async Task<ReadOnlyMemory<float>?> ToVectorAsync<TInput>(TInput value, CancellationToken ct) => value switch
    {
        string text => (await embedder.GenerateAsync([text], cancellationToken: ct))[0].Vector,
        ReadOnlyMemory<float> m => m,
        float[] a => a,
        Embedding<float> e => e.Vector,
        _ => throw new NotSupportedException($"search input of type {typeof(TInput).Name} is not supported: pass text, an embedding or a float vector"),
    };

    public override object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is not null ? null
        : serviceType == typeof(VectorStoreCollectionMetadata) ? new VectorStoreCollectionMetadata { VectorStoreSystemName = "sqlite-researchbot", CollectionName = Name }
        : serviceType.IsInstanceOfType(this) ? this
        : null;
}
