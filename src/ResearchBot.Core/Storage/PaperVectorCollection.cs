using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.VectorData;
using ResearchBot.Embeddings;
using ResearchBot.Retrieval.Index;

namespace ResearchBot.Storage;

/// <summary>
/// Our store (any provider's <see cref="IIndexedPaperStore"/>) as a VectorData collection with keyword-hybrid search, so the rest of the bot talks to the abstraction.
/// Split as SK's connectors are: <see cref="PaperRecordMapper"/> (records ⇄ papers, the definition with the configured
/// dimensions), <see cref="PaperFilterTranslator"/> (LINQ filters → <see cref="PaperFilter"/>), and the provider's reads (for SQLite
/// <see cref="SqlitePaperQuery"/>/<see cref="SqliteFilterSql"/>, for PostgreSQL <see cref="Postgres.PostgresFilterSql"/>). Gets are by exact key; upserts replace the record with that
/// key and keep a given <see cref="PaperRecord.Embedding"/>; search ranks with <see cref="HybridRanker"/> and each result's
/// score is the fused ranking score the results are sorted by (higher is better, only comparable within one search), while
/// <see cref="PaperRecord.Relevance"/> carries the calibrated 0..1 relevance.
/// </summary>
public sealed class PaperVectorCollection(IIndexedPaperStore store, HybridRanker ranker, IEmbeddingGenerator<string, Embedding<float>> embedder)
    : VectorStoreCollection<string, PaperRecord>, IKeywordHybridSearchable<PaperRecord>, IPaperRecordMerge
{
    public const string CollectionName = "papers";


    public override string Name => CollectionName;

    /// <summary>The record definition, with the vector dimensions of the configured embedder (else of the stored vectors); null while neither is known.</summary>
    public VectorStoreCollectionDefinition? Definition =>
        (EmbedderIdentity.Of(embedder).Dimensions ?? store.GetStatsAsync().GetAwaiter().GetResult().EmbeddingDimensions) is int d ? PaperRecordMapper.Definition(d) : null;

    public override Task<bool> CollectionExistsAsync(CancellationToken cancellationToken = default) => Task.FromResult(true);

    public override Task EnsureCollectionExistsAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    public override async Task EnsureCollectionDeletedAsync(CancellationToken cancellationToken = default)
    {
        var all = store.Find(PaperFilter.All, [], 0, int.MaxValue);
        await store.DeleteAsync(all.Select(p => p.Paper.Id), cancellationToken);
    }

    public override async Task<PaperRecord?> GetAsync(string key, RecordRetrievalOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        await foreach (var record in GetAsync([key], options, cancellationToken)) return record;
        return null;
    }

    public override async IAsyncEnumerable<PaperRecord> GetAsync(IEnumerable<string> keys, RecordRetrievalOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var rows = store.ByIds([.. keys]);
        foreach (var record in Records(rows, options?.IncludeVectors == true, cancellationToken)) yield return record;
        await Task.CompletedTask;
    }

    public override async IAsyncEnumerable<PaperRecord> GetAsync(Expression<Func<PaperRecord, bool>> filter, int top, FilteredRecordRetrievalOptions<PaperRecord>? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfLessThan(top, 1);
        var skip = options?.Skip ?? 0;
        ArgumentOutOfRangeException.ThrowIfNegative(skip);
        var sort = options?.OrderBy is { } orderBy
            ? PaperFilterTranslator.TranslateOrder(orderBy(new FilteredRecordRetrievalOptions<PaperRecord>.OrderByDefinition()).Values
                .Select(v => ((LambdaExpression)v.PropertySelector, v.Ascending)))
            : [];
        var rows = store.Find(PaperFilterTranslator.Translate(filter), sort, skip, top);
        foreach (var record in Records(rows, options?.IncludeVectors == true, cancellationToken)) yield return record;
        await Task.CompletedTask;
    }

    public override Task DeleteAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        return store.DeleteAsync([key], cancellationToken);
    }

    public override Task DeleteAsync(IEnumerable<string> keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        return store.DeleteAsync(keys, cancellationToken);
    }

    /// <summary>Stores the record, replacing the one with its key; its embedding is kept when given, else computed with the configured embedder.</summary>
    public override Task UpsertAsync(PaperRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        return UpsertAsync([record], cancellationToken);
    }

    public override Task UpsertAsync(IEnumerable<PaperRecord> records, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        List<PaperRecord> list = [.. records];
        return store.UpsertAsync([.. list.Select(r => r.ToPaper())], new StoreWriteOptions(GivenVectors(list), ExactKeys: true), cancellationToken);
    }

    /// <summary>Ingestion's upsert: the same paper (by id or title key) is merged, and the counts are returned.</summary>
    public Task<UpsertResult> MergeAsync(IReadOnlyList<PaperRecord> records, CancellationToken cancellationToken = default) =>
        store.UpsertAsync([.. records.Select(r => r.ToPaper())], new StoreWriteOptions(GivenVectors(records), ExactKeys: false), cancellationToken);

    public override async IAsyncEnumerable<VectorSearchResult<PaperRecord>> SearchAsync<TInput>(TInput searchValue, int top, VectorSearchOptions<PaperRecord>? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(searchValue);
        ArgumentOutOfRangeException.ThrowIfLessThan(top, 1);
        var skip = options?.Skip ?? 0;
        var filter = PaperFilterTranslator.Translate(options?.Filter);
        var vector = await ToVectorAsync(searchValue, cancellationToken);
        var ranked = Rank(searchValue as string ?? "", vector, filter, top + skip);
        foreach (var r in Results(ranked, skip, options?.ScoreThreshold, options?.IncludeVectors == true)) yield return r;
    }

    public async IAsyncEnumerable<VectorSearchResult<PaperRecord>> HybridSearchAsync<TInput>(TInput searchValue, ICollection<string> keywords, int top, HybridSearchOptions<PaperRecord>? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        where TInput : notnull
    {
        ArgumentNullException.ThrowIfNull(keywords);
        ArgumentOutOfRangeException.ThrowIfLessThan(top, 1);
        var skip = options?.Skip ?? 0;
        var filter = PaperFilterTranslator.Translate(options?.Filter);
        var vector = await ToVectorAsync(searchValue, cancellationToken);
        var ranked = Rank(string.Join(' ', keywords), vector, filter, top + skip);
        foreach (var r in Results(ranked, skip, options?.ScoreThreshold, options?.IncludeVectors == true)) yield return r;
    }

    /// <summary>
    /// The best <paramref name="count"/> documents that pass the filter. A date-only filter is applied by the ranker in memory;
    /// any other is evaluated by the store and the ranking read deeper until enough pass (or the ranker has no more candidates).
    /// </summary>
    private IReadOnlyList<RankedDocument> Rank(string keywords, ReadOnlyMemory<float>? vector, PaperFilter filter, int count)
    {
        if (filter.AsDayRange() is var (from, to)) return ranker.Rank(keywords, vector, new DayRange(from, to), count);
        var allowed = store.Docs(filter);
        if (allowed.Count == 0) return [];
        for (var ask = Math.Max(count * 4, 64); ; ask *= 4)
        {
            var ranked = ranker.Rank(keywords, vector, DayRange.All, ask);
            var kept = ranked.Where(r => allowed.Contains(r.Doc)).Take(count).ToList();
            if (kept.Count >= count || ranked.Count < ask) return kept;
        }
    }

    private IEnumerable<VectorSearchResult<PaperRecord>> Results(IReadOnlyList<RankedDocument> ranked, int skip, double? threshold, bool includeVectors)
    {
        var page = ranked.Skip(skip).Where(r => threshold is null || r.Score >= threshold).ToList();
        var papers = store.GetByDocs([.. page.Select(r => r.Doc)]).ToDictionary(p => p.Doc, p => p.Paper);
        var vectors = includeVectors ? store.Vectors(page.Select(r => r.Doc)) : null;
        foreach (var r in page)
        {
            if (!papers.TryGetValue(r.Doc, out var paper)) continue;
            var record = PaperRecord.From(paper);
            record.Relevance = r.Relevance;
            if (vectors is not null && vectors.TryGetValue(r.Doc, out var v)) record.Embedding = v;
            yield return new VectorSearchResult<PaperRecord>(record, r.Score);
        }
    }

    private IEnumerable<PaperRecord> Records(IReadOnlyList<(int Doc, Papers.Paper Paper)> rows, bool includeVectors, CancellationToken ct)
    {
        var vectors = includeVectors ? store.Vectors(rows.Select(r => r.Doc)) : null;
        foreach (var (doc, paper) in rows)
        {
            ct.ThrowIfCancellationRequested();
            var record = PaperRecord.From(paper);
            if (vectors is not null && vectors.TryGetValue(doc, out var v)) record.Embedding = v;
            yield return record;
        }
    }

    private static Dictionary<string, ReadOnlyMemory<float>>? GivenVectors(IReadOnlyList<PaperRecord> records)
    {
        Dictionary<string, ReadOnlyMemory<float>>? given = null;
        foreach (var r in records)
            if (r.Embedding is { } v) (given ??= new(StringComparer.Ordinal))[r.Id] = v;
        return given;
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
        : serviceType == typeof(VectorStoreCollectionMetadata) ? new VectorStoreCollectionMetadata { VectorStoreSystemName = store.SystemName + "-researchbot", CollectionName = Name }
        : serviceType == typeof(VectorStoreCollectionDefinition) ? Definition
        : serviceType.IsInstanceOfType(this) ? this
        : null;
}
