namespace ResearchBot.Ingestion.Scheduling;

/// <summary>One entry of <c>Ingest:Sources</c>: the day's Hugging Face papers, or an arXiv query.</summary>
/// <param name="ArxivQuery">The arXiv query; null for the Hugging Face papers.</param>
public sealed record ScheduledSource(string? ArxivQuery)
{
    /// <summary><c>hf</c> or <c>arxiv:QUERY</c>; null when it is neither.</summary>
    public static ScheduledSource? Parse(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Equals(IngestTargetExpander.HuggingFaceSource, StringComparison.OrdinalIgnoreCase)) return new ScheduledSource((string?)null);
        const string prefix = IngestTargetExpander.ArxivSource + ":";
        return trimmed.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && trimmed.Length > prefix.Length
            ? new ScheduledSource(trimmed[prefix.Length..].Trim())
            : null;
    }

    /// <summary>The ingest call for a run on <paramref name="day"/>.</summary>
    public IngestRequest Request(DateOnly day, int arxivMax) => ArxivQuery is null
        ? new IngestRequest([IngestTargetExpander.HuggingFaceSource], day)
        : new IngestRequest([IngestTargetExpander.ArxivSource], ArxivQuery: ArxivQuery, ArxivMax: arxivMax);

    public override string ToString() => ArxivQuery is null ? IngestTargetExpander.HuggingFaceSource : $"{IngestTargetExpander.ArxivSource}:{ArxivQuery}";
}
