namespace ResearchBot.Ingestion;

/// <summary>One thing to ingest after folders are expanded: a file, an online source, or a path that does not exist.</summary>
/// <param name="Name">The file path or source name, as reported in failures.</param>
internal sealed record IngestTarget(string Name, IngestTargetKind Kind);
