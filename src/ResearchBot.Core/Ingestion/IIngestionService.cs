namespace ResearchBot.Ingestion;

/// <summary>Ingests papers from files, folders and online sources into the store.</summary>
public interface IIngestionService
{
    /// <summary>
    /// Ingests every source: a file or folder path, <c>-</c> (standard input), <c>hf</c> (the Hugging Face daily papers of <paramref name="request"/>'s date,
    /// default today) or <c>arxiv</c> (the arXiv API with the request's query). A bad source is reported in
    /// <see cref="IngestReport.Failures"/> and the good ones of the same call are still stored.
    /// </summary>
    Task<IngestReport> IngestAsync(IngestRequest request, IProgress<IngestProgress>? progress = null, CancellationToken cancellationToken = default);
}

/// <summary>What to ingest.</summary>
/// <param name="Sources">Paths, or the online source names <c>hf</c> / <c>arxiv</c>.</param>
/// <param name="Date">Listing day override (<c>--date</c>); for <c>hf</c> the day to fetch.</param>
/// <param name="ArxivQuery">For <c>arxiv</c>: the search query, e.g. <c>cat:cs.CL</c>.</param>
/// <param name="ArxivMax">For <c>arxiv</c>: at most this many papers.</param>
/// <param name="StandardInput">Opens standard input, for the source <c>-</c> (null: <c>-</c> fails as not available).</param>
public sealed record IngestRequest(IReadOnlyList<string> Sources, DateOnly? Date = null, string? ArxivQuery = null, int ArxivMax = 100, Func<Stream>? StandardInput = null);

/// <summary>Progress while ingesting: papers parsed and stored so far.</summary>
public sealed record IngestProgress(string Source, int PapersSoFar, int? PapersTotal);

/// <summary>The outcome of an ingest call.</summary>
public sealed record IngestReport(int Parsed, int Added, int Updated, int Unchanged, IReadOnlyList<IngestFailure> Failures, TimeSpan Elapsed)
{
    /// <summary>What was stored differently from the input or left out without failing: folder entries skipped, fields cut to <see cref="PaperFieldLimits"/>.</summary>
    public IReadOnlyList<IngestFailure> Warnings { get; init; } = [];

    public bool Succeeded => Failures.Count == 0;
}

/// <summary>One bad input (or, in <see cref="IngestReport.Warnings"/>, one notice about an input): the source and a one-line reason.</summary>
public sealed record IngestFailure(string Source, string Reason)
{
    public override string ToString() => $"{Source}: {Reason}";
}
