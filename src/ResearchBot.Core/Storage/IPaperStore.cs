using ResearchBot.Papers;

namespace ResearchBot.Storage;

/// <summary>The durable home of papers, their listings and their embeddings.</summary>
public interface IPaperStore
{
    /// <summary>Where the store lives, for people (<c>stats</c>): a file path, "in-memory store", a server and database.</summary>
    string Description { get; }

    /// <summary>Adds or merges papers in one transaction: the same paper (same id or same title key) is stored once,
    /// listings merge, richer fields win. Returns how many were new, updated and unchanged.</summary>
    Task<UpsertResult> UpsertAsync(IReadOnlyList<Paper> papers, CancellationToken cancellationToken = default);

    Task<Paper?> GetAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>A paper by id, else by title words ("ScatterFormer", "voxel transformer scattered attention"): the best title match.</summary>
    Task<Paper?> FindAsync(string idOrTitle, CancellationToken cancellationToken = default) => GetAsync(idOrTitle, cancellationToken);

    /// <summary>Every paper listed on <paramref name="day"/>, in listing order.</summary>
    Task<IReadOnlyList<Paper>> GetListedOnAsync(DateOnly day, CancellationToken cancellationToken = default);

    /// <summary>Distinct listing days, ascending.</summary>
    Task<IReadOnlyList<DateOnly>> GetListingDaysAsync(CancellationToken cancellationToken = default);

    /// <summary>How many papers have a <see cref="Paper.Date"/> in the range (null bounds are open).</summary>
    Task<int> CountAsync(DateOnly? from = null, DateOnly? to = null, CancellationToken cancellationToken = default);

    Task<StoreStats> GetStatsAsync(CancellationToken cancellationToken = default);
}

/// <summary>Outcome of one <see cref="IPaperStore.UpsertAsync"/> call.</summary>
public sealed record UpsertResult(int Added, int Updated, int Unchanged);

/// <summary>Counts for <c>stats</c>.</summary>
public sealed record StoreStats(int Papers, int Listings, IReadOnlyList<DateOnly> Days, string? EmbeddingModel, int? EmbeddingDimensions);
