using Microsoft.Extensions.DependencyInjection;
using ResearchBot.Papers;
using ResearchBot.Storage;

namespace ResearchBot.Cli.Commands;

/// <summary>Reads papers back from the store by id (for BibTeX export of a digest or an answer's citations).</summary>
internal static class StoredPapers
{
    /// <summary>The stored papers with <paramref name="ids"/>, in that order (ids no longer stored are skipped).</summary>
    public static async Task<IReadOnlyList<Paper>> GetAsync(IServiceProvider services, IEnumerable<string> ids, CancellationToken ct)
    {
        var store = services.GetRequiredService<IPaperStore>();
        var papers = new List<Paper>();
        foreach (var id in ids.Distinct(StringComparer.Ordinal)) if (await store.GetAsync(id, ct) is { } p) papers.Add(p);
        return papers;
    }

    /// <summary>The papers an answer cites, in citation order (all its sources when it cites none).</summary>
    public static Task<IReadOnlyList<Paper>> CitedAsync(IServiceProvider services, ResearchBot.Answering.Answer answer, CancellationToken ct)
    {
        var cited = answer.Citations.Count > 0 ? answer.Sources.Where(s => answer.Citations.Contains(s.N)) : answer.Sources;
        return GetAsync(services, cited.OrderBy(s => s.N).Select(s => s.Id), ct);
    }
}
