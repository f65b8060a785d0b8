using System.ComponentModel;
using System.Globalization;
using System.Reflection;
using System.Text;
using Microsoft.Extensions.AI;
using Microsoft.SemanticKernel;
using ResearchBot.Answering.Model;
using ResearchBot.Papers;
using ResearchBot.Answering.Sources;
using ResearchBot.Retrieval;
using ResearchBot.Storage;

namespace ResearchBot.Answering.Tools;

/// <summary>
/// Kernel functions a tool-calling model may use to search again while answering. Papers they return join the
/// answer's numbered sources, so the model can cite them; a paper already listed comes back as "already listed as [n]".
/// Results are plain text inside the data delimiters and are fitted into what is left of the answer's
/// <see cref="ContextBudget"/>. The number of calls is bounded.
/// </summary>
public sealed class PaperTools(IPaperSearch search, IPaperStore store, SourceList sources, int maxCalls, ContextBudget? budget = null, int top = 5)
{
    /// <summary>Tokens a call costs besides its result: the model's call message (name and arguments) and the result's framing.</summary>
    public const int CallOverheadTokens = 50;

    /// <summary>Tokens a short result takes ("No room left …", a few "Already listed as [n]" lines).</summary>
    private const int ShortResultTokens = 80;

    /// <summary>A tool result is not worth giving with less room than this (tokens).</summary>
    private const int MinResultTokens = 120;

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
        if (!TryCount(out var limit)) return Spent(limit);
        var results = await search.SearchAsync(new SearchQuery(query, top, ParseDate(from), ParseDate(to)), cancellationToken);
        var hits = results.Relevant.Take(top).ToList();
        if (hits.Count == 0) return Spent($"No relevant papers found for \"{query}\" among {results.PapersInRange} papers.");

        var listed = new List<NumberedSource>();
        var fresh = new List<(Paper Paper, double Relevance)>();
        foreach (var hit in hits)
        {
            if (sources.Find(hit.Paper.Id) is { } known) listed.Add(known);
            else fresh.Add((hit.Paper, hit.Relevance));
        }
        var room = RoomChars();
        if (room is not null && fresh.Count > 0 && room < TokenEstimate.Chars(MinResultTokens) && listed.Count == 0) return Spent(NoRoom);

        // Only the papers that fit (each with its header and a short abstract) join the sources.
        var fits = room is null ? fresh.Count : Math.Min(fresh.Count, room.Value / (SourceFormatter.MinAbstractChars + 200));
        var added = fresh.Take(fits).Select(f => sources.Add(f.Paper, f.Relevance)).ToList();
        var sb = new StringBuilder();
        if (added.Count > 0)
        {
            sb.Append("Papers found (cite them by their numbers):\n");
            sb.Append(Delimited(SourceFormatter.Fit(added, (room ?? int.MaxValue / 2) - AlreadyListed(listed).Length, 1200)));
        }
        if (listed.Count > 0) sb.Append(sb.Length > 0 ? "\n" : "").Append(AlreadyListed(listed));
        if (fits < fresh.Count) sb.Append("\n").Append(fresh.Count - fits).Append(" more found but left out: the context is full.");
        return Spent(sb.ToString());
    }

    [KernelFunction("get_paper")]
    [Description("Gets one stored paper by its id (an arXiv id such as 2401.12345) or by words of its title. Returns its source number [n] to cite, title, date and abstract.")]
    public async Task<string> GetPaperAsync([Description("The paper id, or words of its title.")] string id, CancellationToken cancellationToken = default)
    {
        if (!TryCount(out var limit)) return Spent(limit);
        var paper = await store.FindAsync(PaperId.TryArxiv(id) ?? id.Trim(), cancellationToken);
        if (paper is null) return Spent($"No paper with id \"{id}\" is stored.");
        if (sources.Find(paper.Id) is { } known) return Spent(AlreadyListed([known]));
        var room = RoomChars();
        if (room is not null && room < TokenEstimate.Chars(MinResultTokens)) return Spent(NoRoom);
        var source = sources.Add(paper, 1.0);
        return Spent(Delimited(SourceFormatter.Fit([source], room ?? int.MaxValue / 2, 4000)));
    }

    /// <summary>
    /// The tools of this instance for a chat request: kernel functions without a plugin prefix, so a model sees the
    /// names <c>search_papers</c> and <c>get_paper</c>, bound to <paramref name="kernel"/>, returning plain text.
    /// </summary>
    public IReadOnlyList<AIFunction> AsTools(Kernel kernel) => [.. AsKernelFunctions(kernel).Select(f => new PlainTextResult(f))];

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

    private const string NoRoom = "No room left in the context for more papers: answer from the sources you already have.";

    private static string AlreadyListed(IReadOnlyList<NumberedSource> listed) =>
        string.Join("\n", listed.Select(s => $"Already listed as [{s.N}]: {SourceFormatter.Defuse(s.Paper.Title)}"));

    /// <summary>Tool results carry paper text too, so they sit inside the same data delimiters as the sources, each on its own line.</summary>
    private static string Delimited(string text) => $"{SourceFormatter.BeginMarker}\n{text}\n{SourceFormatter.EndMarker}";

    /// <summary>
    /// Tokens kept back for <paramref name="calls"/> calls that bring no papers (their call message and a short
    /// result), so even a model that keeps calling stays inside the window.
    /// </summary>
    public static int ShortCallsReserve(int calls) => Math.Max(0, calls) * (CallOverheadTokens + ShortResultTokens);

    /// <summary>Characters this call's result may take (what is left after the later calls' reserve), or null when there is no budget.</summary>
    private int? RoomChars() => budget is null
        ? null
        : TokenEstimate.Chars(budget.Remaining - ShortCallsReserve(maxCalls - Calls) - CallOverheadTokens
            - TokenEstimate.Of("Papers found (cite them by their numbers):\n" + BeginMarkerLines));

    private static readonly string BeginMarkerLines = SourceFormatter.BeginMarker + "\n\n" + SourceFormatter.EndMarker;

    /// <summary>Spends the call and its result from the budget and returns the result.</summary>
    private string Spent(string result)
    {
        budget?.Spend(CallOverheadTokens + TokenEstimate.Of(result));
        return result;
    }

    private bool TryCount(out string message)
    {
        var n = Interlocked.Increment(ref _calls);
        message = n > maxCalls ? $"Tool call limit ({maxCalls}) reached: answer from the sources you already have." : "";
        return n <= maxCalls;
    }

    private static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}
