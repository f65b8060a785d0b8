namespace ResearchBot.Ingestion;

/// <summary>What an <see cref="IngestTarget"/> is.</summary>
internal enum IngestTargetKind
{
    /// <summary>A path given on the command line: read whatever it is (a file, a named pipe, a process substitution).</summary>
    File,

    /// <summary>A file found in a folder walk: read only when it is a regular file.</summary>
    FolderFile,

    /// <summary><c>-</c>: standard input.</summary>
    StandardInput,
    HuggingFace,
    Arxiv,
    Missing,
    EmptyFolder,

    /// <summary>A folder entry left out (not a regular file, a link to a folder); reported as a warning.</summary>
    Skipped,
}
