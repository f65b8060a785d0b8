using ResearchBot.Answering.Sources;
using ResearchBot.Papers;
using ResearchBot.Storage;

namespace ResearchBot.Answering.References;

/// <summary>
/// Resolves references ("[2]", "compare [1] and [3]", "the second one", "the MiniCache paper", "them") against the last
/// numbered list a person saw, before retrieval, and finds the paper <c>/paper</c> names (a list number, an arXiv id or
/// link, a paper id, or title words). Shared by every host, so the REPL, <c>ask</c> and Discord read references alike.
/// </summary>
public sealed class ReferenceResolver(IPaperStore store)
{
    /// <summary>The papers <paramref name="question"/> refers to in <paramref name="shown"/> (null: no list shown yet).</summary>
    public async Task<ResolvedReferences> ResolveAsync(string question, ShownList? shown, CancellationToken cancellationToken)
    {
        var papers = await LoadAsync(shown, cancellationToken);
        var titles = papers.Select(p => p?.Title ?? "").ToList();
        var parsed = ReferenceParser.Parse(question, titles, shown?.Focus);
        if (!parsed.Any) return ResolvedReferences.None(question);
        if (parsed.Missing.Count > 0) return new ResolvedReferences([], false, "", question, MissingMessage(parsed.Missing, shown));
        var found = parsed.Positions.Where(n => papers[n - 1] is not null).Select(n => new NumberedSource(n, papers[n - 1]!, 1.0)).ToList();
        if (found.Count == 0) return ResolvedReferences.None(question);
        return new ResolvedReferences(found, parsed.Compare, parsed.Aspect, ReferenceParser.Rewrite(question, parsed, titles), null);
    }

    /// <summary>
    /// The paper <paramref name="argument"/> names: a number of <paramref name="shown"/>, an arXiv id or link, a paper id,
    /// or title words (a listed title first, then the whole store).
    /// </summary>
    public async Task<PaperLookup> FindPaperAsync(string argument, ShownList? shown, CancellationToken cancellationToken)
    {
        var text = argument.Trim().Trim('[', ']').Trim();
        if (text.Length == 0) return new PaperLookup(null, "Name a paper: a list number, an arXiv id or link, a paper id, or words of its title.");
        if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && text.Length <= 3)
        {
            if (shown is null || n < 1 || n > shown.Count) return new PaperLookup(null, MissingMessage([n], shown));
            var listed = await store.GetAsync(shown.PaperIds[n - 1], cancellationToken);
            return listed is null ? new PaperLookup(null, $"Paper [{n}] is no longer in the store.") : new PaperLookup(listed, null);
        }
        if (PaperId.TryArxiv(text) is { } arxiv)
        {
            var byArxiv = await store.GetAsync(arxiv, cancellationToken);
            return byArxiv is not null ? new PaperLookup(byArxiv, null)
                : new PaperLookup(null, $"No paper with arXiv id {arxiv} is in the store (its arXiv page: https://arxiv.org/abs/{arxiv}); words of its title may find it if it was stored without its id.");
        }
        var papers = await LoadAsync(shown, cancellationToken);
        var parsed = ReferenceParser.Parse(text, papers.Select(p => p?.Title ?? "").ToList());
        if (parsed.Positions.Count == 1 && parsed.Missing.Count == 0 && papers[parsed.Positions[0] - 1] is { } named)
            return new PaperLookup(named, null);
        var found = await store.FindAsync(text, cancellationToken);
        return found is not null ? new PaperLookup(found, null) : new PaperLookup(null, $"No paper matches '{text}' by id or title words (/search finds papers by topic).");
    }

    private async Task<IReadOnlyList<Paper?>> LoadAsync(ShownList? shown, CancellationToken cancellationToken)
    {
        if (shown is null || shown.Count == 0) return [];
        var papers = new List<Paper?>(shown.Count);
        foreach (var id in shown.PaperIds) papers.Add(await store.GetAsync(id, cancellationToken));
        return papers;
    }

    /// <summary>"There is no [7]; the last answer listed [1]–[5]."</summary>
    internal static string MissingMessage(IReadOnlyList<int> missing, ShownList? shown)
    {
        var numbers = missing.Select(n => $"[{n}]").ToList();
        var which = numbers.Count == 1 ? numbers[0] : string.Join(", ", numbers.Take(numbers.Count - 1)) + " or " + numbers[^1];
        return shown is null || shown.Count == 0
            ? $"There is no {which}: no numbered list has been shown yet (ask a question or /search first)."
            : $"There is no {which}; {shown.Describe()}.";
    }
}
