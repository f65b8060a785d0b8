using ResearchBot.Papers;
using ResearchBot.Storage;

namespace ResearchBot.TestSupport.Fakes;

/// <summary>An in-memory <see cref="IPaperStore"/> over a fixed list of papers (for answer and digest tests).</summary>
public sealed class FakePaperStore(IReadOnlyList<Paper> papers) : IPaperStore
{
    public IReadOnlyList<Paper> Papers { get; } = papers;

    public string Description => "fake store";

    public Task<UpsertResult> UpsertAsync(IReadOnlyList<Paper> added, CancellationToken cancellationToken = default) =>
        throw new InvalidOperationException("The fake store is read-only.");

    public Task<Paper?> GetAsync(string id, CancellationToken cancellationToken = default) =>
        Task.FromResult(Papers.FirstOrDefault(p => p.Id == id));

    /// <summary>By id, else the first paper whose title holds every word of <paramref name="idOrTitle"/> (case-insensitive).</summary>
    public Task<Paper?> FindAsync(string idOrTitle, CancellationToken cancellationToken = default)
    {
        var words = idOrTitle.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return Task.FromResult(Papers.FirstOrDefault(p => p.Id == idOrTitle)
            ?? Papers.FirstOrDefault(p => words.Length > 0 && words.All(w => p.Title.Contains(w, StringComparison.OrdinalIgnoreCase))));
    }

    public Task<IReadOnlyList<Paper>> GetListedOnAsync(DateOnly day, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<Paper>>(Papers.Where(p => p.Listings.Any(l => l.Day == day)).ToList());

    public Task<IReadOnlyList<DateOnly>> GetListingDaysAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<DateOnly>>(Papers.SelectMany(p => p.Listings).Select(l => l.Day).Distinct().Order().ToList());

    public Task<int> CountAsync(DateOnly? from = null, DateOnly? to = null, CancellationToken cancellationToken = default) =>
        Task.FromResult(Papers.Count(p => InRange(p, from, to)));

    public Task<StoreStats> GetStatsAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(new StoreStats(Papers.Count, Papers.Sum(p => p.Listings.Count), Papers.SelectMany(p => p.Listings).Select(l => l.Day).Distinct().Order().ToList(), null, null));

    internal static bool InRange(Paper p, DateOnly? from, DateOnly? to) =>
        (from is null || p.Date >= from) && (to is null || p.Date <= to);
}
