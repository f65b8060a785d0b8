using ResearchBot.Papers;
using ResearchBot.Storage;

namespace ResearchBot.Tests.Ingestion;

/// <summary>An in-memory <see cref="IPaperStore"/> for ingestion tests: papers keyed by id and title key, listings merged.</summary>
internal sealed class FakePaperStore : IPaperStore
{
    private readonly Dictionary<string, Paper> _byTitleKey = new(StringComparer.Ordinal);

    public List<IReadOnlyList<Paper>> UpsertCalls { get; } = [];

    public IReadOnlyCollection<Paper> Papers => _byTitleKey.Values;

    public string Description => "fake store";

    public Task<UpsertResult> UpsertAsync(IReadOnlyList<Paper> papers, CancellationToken cancellationToken = default)
    {
        UpsertCalls.Add(papers);
        int added = 0, updated = 0, unchanged = 0;
        foreach (var paper in papers)
        {
            if (!_byTitleKey.TryGetValue(paper.TitleKey, out var existing))
            {
                _byTitleKey[paper.TitleKey] = paper;
                added++;
                continue;
            }
            var listings = existing.Listings.Union(paper.Listings).OrderBy(l => l.Day).ToList();
            var merged = existing with
            {
                Abstract = paper.Abstract.Length > existing.Abstract.Length ? paper.Abstract : existing.Abstract,
                Listings = listings.Count == existing.Listings.Count ? existing.Listings : listings,
            };
            if (merged.Abstract == existing.Abstract && ReferenceEquals(merged.Listings, existing.Listings)) unchanged++;
            else
            {
                _byTitleKey[paper.TitleKey] = merged;
                updated++;
            }
        }
        return Task.FromResult(new UpsertResult(added, updated, unchanged));
    }

    public Task<Paper?> GetAsync(string id, CancellationToken cancellationToken = default) =>
        Task.FromResult(_byTitleKey.Values.FirstOrDefault(p => p.Id == id));

    public Task<IReadOnlyList<Paper>> GetListedOnAsync(DateOnly day, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<Paper>>(_byTitleKey.Values.Where(p => p.Listings.Any(l => l.Day == day)).ToList());

    public Task<IReadOnlyList<DateOnly>> GetListingDaysAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<DateOnly>>(_byTitleKey.Values.SelectMany(p => p.Listings).Select(l => l.Day).Distinct().Order().ToList());

    public Task<int> CountAsync(DateOnly? from = null, DateOnly? to = null, CancellationToken cancellationToken = default) =>
        Task.FromResult(_byTitleKey.Values.Count(p => (from is null || p.Date >= from) && (to is null || p.Date <= to)));

    public Task<StoreStats> GetStatsAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(new StoreStats(_byTitleKey.Count, _byTitleKey.Values.Sum(p => p.Listings.Count), [.. _byTitleKey.Values.SelectMany(p => p.Listings).Select(l => l.Day).Distinct().Order()], null, null));
}
