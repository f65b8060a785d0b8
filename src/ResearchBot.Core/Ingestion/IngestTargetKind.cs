namespace ResearchBot.Ingestion;

/// <summary>What an <see cref="IngestTarget"/> is.</summary>
internal enum IngestTargetKind
{
    File,
    HuggingFace,
    Arxiv,
    Missing,
    EmptyFolder,
}
