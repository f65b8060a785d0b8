using System.ComponentModel;
using System.Globalization;
using System.Reflection;
using System.Text;
using Microsoft.SemanticKernel;
using ResearchBot.Answering.Sources;
using ResearchBot.Papers;
using ResearchBot.Retrieval;
using ResearchBot.Storage;

namespace ResearchBot.Answering.Tools;

/// <summary>
/// Kernel functions a tool-calling model may use to search again while answering. Papers they return join the
/// answer's numbered sources, so the model can cite them. The number of calls is bounded.
/// </summary>
public sealed class PaperTools(IPaperSearch search, IPaperStore store, SourceList sources, int maxCalls, int top = 5)
{
    private int _calls;

    /// <summary>How many calls were made.</summary>
    public int Calls => Volatile.Read(ref _calls);

    [KernelFunction("search_papers")]
    [Description("Searches the stored AI papers. Returns the relevant papers with their source numbers [n] to cite, titles, dates and abstracts.")]
    public async Task<string> SearchPapersAsync(
        [Description("What to look for, in plain words.")] string query,
        [Description("Earliest paper date, YYYY-MM-DD, or empty.")] string? from = null,
        [Description("Latest paper date, YYYY-MM-DD, or empty.")] string? to = null,
        CancellationToken cancellationToken = default)
    {
        if (!TryCount(out var limit)) return limit;
        var results = await search.SearchAsync(new SearchQuery(query, top, ParseDate(from), ParseDate(to)), cancellationToken);
        var found = results.Relevant.Take(top).Select(h => sources.Add(h.Paper, h.Relevance)).ToList();
        if (found.Count == 0) return $"No relevant papers found for \"{query}\" among {results.PapersInRange} papers.";
        return "Papers found (cite them by their numbers):\n" + Delimited(SourceFormatter.Format(found, 1200));
    }

    [KernelFunction("get_paper")]
    [Description("Gets one stored paper by its id (an arXiv id such as 2401.12345) or by words of its title. Returns its source number [n] to cite, title, date and abstract.")]
    public async Task<string> GetPaperAsync([Description("The paper id, or words of its title.")] string id, CancellationToken cancellationToken = default)
    {
        if (!TryCount(out var limit)) return limit;
        var paper = await store.FindAsync(PaperId.TryArxiv(id) ?? id.Trim(), cancellationToken);
        if (paper is null) return $"No paper with id \"{id}\" is stored.";
        var source = sources.Add(paper, 1.0);
        var sb = new StringBuilder(SourceFormatter.Format([source], 4000));
        if (paper.Authors.Count > 0) sb.Append("\nAuthors: ").Append(SourceFormatter.Defuse(string.Join(", ", paper.Authors.Take(12))));
        if (paper.Url is not null) sb.Append("\nLink: ").Append(SourceFormatter.Defuse(paper.Url));
        return Delimited(sb.ToString());
    }

    /// <summary>
    /// The kernel functions of this instance, without a plugin prefix, so a model sees the names <c>search_papers</c> and <c>get_paper</c>
    /// (a <see cref="KernelPlugin"/> would expose them as <c>plugin_search_papers</c>), bound to <paramref name="kernel"/> for invocation.
    /// </summary>
    public IReadOnlyList<KernelFunction> AsKernelFunctions(Kernel kernel) =>
        GetType().GetMethods()
            .Where(m => m.GetCustomAttribute<KernelFunctionAttribute>() is not null)
            .OrderBy(m => m.Name, StringComparer.Ordinal)
            .Select(m => KernelFunctionFactory.CreateFromMethod(m, this).WithKernel(kernel))
            .ToList();

    /// <summary>Tool results carry paper text too, so they sit inside the same data delimiters as the sources.</summary>
    private static string Delimited(string text) => $"{SourceFormatter.BeginMarker}\n{text}\n{SourceFormatter.EndMarker}";

    private bool TryCount(out string message)
    {
        var n = Interlocked.Increment(ref _calls);
        message = n > maxCalls ? $"Tool call limit ({maxCalls}) reached: answer from the sources you already have." : "";
        return n <= maxCalls;
    }

    private static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}
