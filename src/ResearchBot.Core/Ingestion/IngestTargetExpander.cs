namespace ResearchBot.Ingestion;

/// <summary>Turns the sources of an ingest call into targets: folders become their files (sorted by path), <c>hf</c> and <c>arxiv</c> go online.</summary>
internal static class IngestTargetExpander
{
    public const string HuggingFaceSource = "hf";
    public const string ArxivSource = "arxiv";

    public static IEnumerable<IngestTarget> Expand(IEnumerable<string> sources)
    {
        foreach (var source in sources)
        {
            if (string.Equals(source, HuggingFaceSource, StringComparison.OrdinalIgnoreCase)) yield return new(source, IngestTargetKind.HuggingFace);
            else if (string.Equals(source, ArxivSource, StringComparison.OrdinalIgnoreCase)) yield return new(source, IngestTargetKind.Arxiv);
            else if (File.Exists(source)) yield return new(source, IngestTargetKind.File);
            else if (Directory.Exists(source))
            {
                var files = Directory.GetFiles(source, "*", SearchOption.AllDirectories)
                    .Where(f => !Path.GetFileName(f).StartsWith('.'))
                    .Order(StringComparer.Ordinal)
                    .ToList();
                if (files.Count == 0) yield return new(source, IngestTargetKind.EmptyFolder);
                foreach (var file in files) yield return new(file, IngestTargetKind.File);
            }
            else yield return new(source, IngestTargetKind.Missing);
        }
    }
}
