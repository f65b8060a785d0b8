namespace ResearchBot.Ingestion;

/// <summary>One thing to ingest after folders are expanded: a file, standard input, an online source, or a path that cannot be read.</summary>
/// <param name="Name">The file path or source name, as reported in failures.</param>
/// <param name="Reason">For <see cref="IngestTargetKind.Skipped"/>: why the folder entry was left out.</param>
internal sealed record IngestTarget(string Name, IngestTargetKind Kind, string? Reason = null);
