namespace ResearchBot.Ingestion;

/// <summary>What an <see cref="IngestTarget"/> is.</summary>
public enum IngestTargetKind
{
    File,
    HuggingFace,
    Arxiv,
    Missing,
    EmptyFolder,
}
