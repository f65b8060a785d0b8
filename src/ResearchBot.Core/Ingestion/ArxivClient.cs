using System.Globalization;
using Microsoft.Extensions.Options;
using ResearchBot.Papers;

namespace ResearchBot.Ingestion;

/// <summary>
/// Searches the arXiv API (<c>GET {BaseUrl}/api/query?search_query=…&amp;start=…&amp;max_results=…</c>), page by page up to a
/// maximum, pausing between calls as arXiv asks.
/// </summary>
public sealed class ArxivClient(HttpClient http, ArxivAtomParser parser, IOptions<ArxivOptions> options, TimeProvider time)
{
    private const string SourceName = "arXiv";

    /// <summary>At most <paramref name="max"/> papers matching <paramref name="query"/> (e.g. <c>cat:cs.CL</c>).</summary>
    /// <param name="listingDay">When given, each paper gets an <c>arxiv</c> listing on that day.</param>
    public async Task<IReadOnlyList<Paper>> SearchAsync(string query, int max, DateOnly? listingDay = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(query);
        var settings = options.Value;
        var pageSize = Math.Max(1, settings.PageSize);
        var today = DateOnly.FromDateTime(time.GetLocalNow().DateTime);
        var papers = new List<Paper>();
        for (var start = 0; papers.Count < max; start += pageSize)
        {
            if (start > 0) await Task.Delay(settings.PauseBetweenCalls, time, cancellationToken).ConfigureAwait(false);
            var asked = Math.Min(pageSize, max - papers.Count);
            var relativeUrl = string.Create(CultureInfo.InvariantCulture,
                $"api/query?search_query={Uri.EscapeDataString(query)}&start={start}&max_results={asked}");
            var body = await HttpSourceRequest.GetStringAsync(http, relativeUrl, SourceName, settings, cancellationToken).ConfigureAwait(false);
            var page = parser.Parse(body, new ParseContext(relativeUrl, listingDay, today));
            papers.AddRange(page.Take(max - papers.Count));
            if (page.Count < asked) break;
        }
        return papers;
    }
}
