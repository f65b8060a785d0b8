namespace ResearchBot.Ingestion;

/// <summary>
/// Turns the sources of an ingest call into targets: <c>-</c> is standard input, <c>hf</c> and <c>arxiv</c> go online,
/// folders become their files (see <see cref="FolderWalk"/>).
/// </summary>
internal static class IngestTargetExpander
{
    public const string HuggingFaceSource = "hf";
    public const string ArxivSource = "arxiv";
    public const string StandardInputSource = "-";

    /// <summary>How standard input is named in messages.</summary>
    public const string StandardInputName = "standard input";

    public static IEnumerable<IngestTarget> Expand(IEnumerable<string> sources)
    {
        foreach (var source in sources)
        {
            if (string.Equals(source, HuggingFaceSource, StringComparison.OrdinalIgnoreCase)) yield return new(source, IngestTargetKind.HuggingFace);
            else if (string.Equals(source, ArxivSource, StringComparison.OrdinalIgnoreCase)) yield return new(source, IngestTargetKind.Arxiv);
            else if (source == StandardInputSource) yield return new(StandardInputName, IngestTargetKind.StandardInput);
            else if (Directory.Exists(source))
            {
                var found = false;
                foreach (var target in FolderWalk.Walk(source))
                {
                    found |= target.Kind == IngestTargetKind.FolderFile;
                    yield return target;
                }
                if (!found) yield return new(source, IngestTargetKind.EmptyFolder);
            }
            else if (File.Exists(source)) yield return new(source, IngestTargetKind.File);
            else yield return new(source, IngestTargetKind.Missing);
        }
    }
}
