namespace ResearchBot.Ingestion;

/// <summary>Settings of the arXiv API source (configuration section <c>Sources:Arxiv</c>).</summary>
public sealed class ArxivOptions : HttpSourceOptions
{
    public const string SectionName = "Sources:Arxiv";

    /// <summary>The most results arXiv returns in one call.</summary>
    public const int MaxPageSize = 2000;

    public override Uri BaseUrl { get; set; } = new("https://export.arxiv.org");

    /// <summary>The pause arXiv asks for between consecutive API calls (3 seconds).</summary>
    public TimeSpan PauseBetweenCalls { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Results asked for per call.</summary>
    public int PageSize { get; set; } = 100;
}
