using ResearchBot.Answering;
using ResearchBot.Digest;
using ResearchBot.Ingestion;
using ResearchBot.Papers;
using ResearchBot.Retrieval;
using ResearchBot.Storage;
using ResearchBot.TestSupport;

namespace ResearchBot.Discord.Tests.Support;

/// <summary>Search, store, digest and ingestion over a few fixed papers, recording the calls.</summary>
public sealed class FakeLibrary : IPaperSearch, IPaperStore, IDigestService, IIngestionService
{
    public static readonly Paper Rag = new()
    {
        Id = "2401.00001", Title = "Retrieval augmented generation at scale", Abstract = "We scale RAG.", Authors = ["Ada", "Alan"],
        Url = "https://arxiv.org/abs/2401.00001", Listings = [new Listing(new DateOnly(2026, 11, 20), "hf-daily")],
    };

    public static readonly Paper Sparse = new()
    {
        Id = "2401.00002", Title = "Sparse mixtures", Abstract = "Sparse mixtures of experts route tokens. They scale well. A third sentence.", Authors = ["Grace"],
        Url = "https://arxiv.org/abs/2401.00002", Listings = [new Listing(new DateOnly(2026, 11, 20), "hf-daily")],
    };

    private readonly Lock _lock = new();
    private readonly List<Paper> _listed = [Rag, Sparse];

    public string Description => "fake library";

    public SignalList<IngestRequest> Ingests { get; } = new();

    /// <summary>More search results after <see cref="Rag"/> (for pages), also kept in the store.</summary>
    public List<Paper> More { get; } = [];

    /// <summary>Papers the next ingest adds to the store (their listings as given).</summary>
    public List<Paper> NextIngest { get; } = [];

    /// <summary>Every paper in the store.</summary>
    public IReadOnlyList<Paper> Stored
    {
        get { lock (_lock) return [.. _listed, .. More.Where(m => _listed.All(p => p.Id != m.Id))]; }
    }
    public SignalList<DateOnly?> DigestRequests { get; } = new();
    public SignalList<DigestRequest> DigestRequestsWithInterests { get; } = new();

    /// <summary>The interests each digest request carried (null: the configured ones).</summary>
    public SignalList<IReadOnlyList<string>?> DigestInterests { get; } = new();

    public Task<SearchResults> SearchAsync(SearchQuery query, CancellationToken cancellationToken = default) =>
        Task.FromResult(new SearchResults(query,
            More.Select((p, i) => new SearchHit(p, 0.9 - i * 0.01, 0.8)).Prepend(new SearchHit(Rag, 1.0, 0.9)).Take(query.Top).ToList(), 1 + More.Count, 0.5));

    public Task<Paper?> GetAsync(string id, CancellationToken cancellationToken = default) => Task.FromResult(Stored.FirstOrDefault(p => p.Id == id));

    public Task<DailyDigest?> CreateAsync(DateOnly? day = null, CancellationToken cancellationToken = default)
    {
        DigestRequests.Add(day);
        var date = day ?? new DateOnly(2026, 11, 20);
        return Task.FromResult<DailyDigest?>(new DailyDigest(date, $"**Retrieval** — RAG at scale [1].",
            [new AnswerSource(1, Rag.Id, Rag.Title, Rag.Url, date)], [new DigestTheme("Retrieval", "", [new DigestItem(1, Rag.Id, Rag.Title, "RAG at scale.")])]));
    }

    public Task<DailyDigest?> CreateAsync(DigestRequest request, CancellationToken cancellationToken = default)
    {
        DigestRequestsWithInterests.Add(request);
        DigestInterests.Add(request.Interests);
        return CreateAsync(request.Day, cancellationToken);
    }

    public Task<IngestReport> IngestAsync(IngestRequest request, IProgress<IngestProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        int added;
        lock (_lock)
        {
            added = NextIngest.Count;
            _listed.AddRange(NextIngest);
            NextIngest.Clear();
        }
        Ingests.Add(request);
        return Task.FromResult(new IngestReport(Math.Max(1, added), Math.Max(1, added), 0, 0, [], TimeSpan.Zero));
    }

    public Task<UpsertResult> UpsertAsync(IReadOnlyList<Paper> papers, CancellationToken cancellationToken = default) => Task.FromResult(new UpsertResult(papers.Count, 0, 0));
    public Task<IReadOnlyList<Paper>> GetListedOnAsync(DateOnly day, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<Paper>>(Stored.Where(p => p.Listings.Any(l => l.Day == day)).ToList());
    public async Task<IReadOnlyList<DateOnly>> GetListingDaysAsync(CancellationToken cancellationToken = default)
    {
        if (ListingGate is { } gate) await gate.Task.WaitAsync(cancellationToken);
        return Stored.SelectMany(p => p.Listings).Select(l => l.Day).Distinct().Order().ToList();
    }

    /// <summary>When set, listing days are read only once it completes (a slow store).</summary>
    public TaskCompletionSource? ListingGate { get; set; }
    public Task<int> CountAsync(DateOnly? from = null, DateOnly? to = null, CancellationToken cancellationToken = default) => Task.FromResult(1);
    public Task<StoreStats> GetStatsAsync(CancellationToken cancellationToken = default) => Task.FromResult(new StoreStats(1, 1, [], null, null));
}
