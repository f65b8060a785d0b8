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

    public string Description => "fake library";

    public SignalList<IngestRequest> Ingests { get; } = new();
    public SignalList<DateOnly?> DigestRequests { get; } = new();
    public SignalList<DigestRequest> DigestRequestsWithInterests { get; } = new();

    public Task<SearchResults> SearchAsync(SearchQuery query, CancellationToken cancellationToken = default) =>
        Task.FromResult(new SearchResults(query, [new SearchHit(Rag, 1.0, 0.9)], 1, 0.5));

    public Task<Paper?> GetAsync(string id, CancellationToken cancellationToken = default) => Task.FromResult(id == Rag.Id ? Rag : null);

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
        return CreateAsync(request.Day, cancellationToken);
    }

    public Task<IngestReport> IngestAsync(IngestRequest request, IProgress<IngestProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        Ingests.Add(request);
        return Task.FromResult(new IngestReport(1, 1, 0, 0, [], TimeSpan.Zero));
    }

    public Task<UpsertResult> UpsertAsync(IReadOnlyList<Paper> papers, CancellationToken cancellationToken = default) => Task.FromResult(new UpsertResult(papers.Count, 0, 0));
    public Task<IReadOnlyList<Paper>> GetListedOnAsync(DateOnly day, CancellationToken cancellationToken = default) => Task.FromResult<IReadOnlyList<Paper>>([Rag]);
    public Task<IReadOnlyList<DateOnly>> GetListingDaysAsync(CancellationToken cancellationToken = default) => Task.FromResult<IReadOnlyList<DateOnly>>([new DateOnly(2026, 11, 20)]);
    public Task<int> CountAsync(DateOnly? from = null, DateOnly? to = null, CancellationToken cancellationToken = default) => Task.FromResult(1);
    public Task<StoreStats> GetStatsAsync(CancellationToken cancellationToken = default) => Task.FromResult(new StoreStats(1, 1, [], null, null));
}
