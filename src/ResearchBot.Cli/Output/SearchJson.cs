using ResearchBot.Papers;
using ResearchBot.Retrieval;

namespace ResearchBot.Cli.Output;

/// <summary>The <c>search --json</c> object: <c>{"q", "results": [{"id","title","score","url","published"}]}</c>.</summary>
internal sealed record SearchJson(string Q, IReadOnlyList<SearchJsonHit> Results)
{
    public static SearchJson From(string q, SearchResults results) => new(q, [.. results.Hits.Select(SearchJsonHit.From)]);
}

/// <summary>One hit of <see cref="SearchJson"/>.</summary>
/// <param name="Score">The 0..1 relevance of the hit (hits are ordered by the fused ranking).</param>
/// <param name="Published">The publication date when known, else the first listing day.</param>
internal sealed record SearchJsonHit(string Id, string Title, double Score, string? Url, DateOnly? Published)
{
    public static SearchJsonHit From(SearchHit hit) =>
        new(hit.Paper.Id, hit.Paper.Title, Math.Round(hit.Relevance, 4), PaperLinks.Url(hit.Paper), hit.Paper.Published ?? hit.Paper.Date);
}
