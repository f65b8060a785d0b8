namespace ResearchBot.Answering.References;

/// <summary>Where the numbered list a person last saw came from.</summary>
public enum ShownListKind
{
    /// <summary>The sources under an answer (or the full list <c>/sources</c> printed).</summary>
    Answer,

    /// <summary>The results of a search.</summary>
    Search,
}

/// <summary>
/// The last numbered list a person saw: paper ids in shown order, so <c>PaperIds[0]</c> is number 1. Hosts keep it per
/// conversation and pass it with each question, so "[2]", "the second one" and <c>/paper 2</c> mean what was on screen.
/// </summary>
/// <param name="Focus">The list numbers of the papers the last answer was about ("compare [1] and [3]": 1 and 3), so
/// "their", "its", "they" and "it" in the next short follow-up mean exactly those; null after any other answer.</param>
public sealed record ShownList(IReadOnlyList<string> PaperIds, ShownListKind Kind, IReadOnlyList<int>? Focus = null)
{
    /// <summary>
    /// The list to refer to after <paramref name="answer"/>: its cited sources (numbered 1..k); but when the answer was
    /// about papers of <paramref name="previous"/> under their list numbers ("compare [1] and [3]"), that list stays (with
    /// any papers a model found added after it), so "[2]" keeps meaning what it meant, and those papers become its
    /// <see cref="Focus"/>. With nothing cited, the previous list without a focus.
    /// </summary>
    public static ShownList? After(ShownList? previous, Answer answer)
    {
        var cited = answer.CitedSources.OrderBy(s => s.N).ToList();
        if (cited.Count == 0) return previous?.Focus is null ? previous : previous with { Focus = null };
        if (previous is not null && cited.Any(s => s.N <= previous.Count) && cited.All(s => s.N > previous.Count || previous.PaperIds[s.N - 1] == s.Id))
        {
            var ids = previous.PaperIds.ToList();
            foreach (var s in answer.Sources.OrderBy(s => s.N).Where(s => s.N == ids.Count + 1)) ids.Add(s.Id);
            var focus = answer.About?.Where(n => n >= 1 && n <= ids.Count).Distinct().ToList();
            return new ShownList(ids, previous.Kind, focus is { Count: > 0 } ? focus : null);
        }
        return new ShownList(cited.Select(s => s.Id).ToList(), ShownListKind.Answer);
    }

    /// <summary>Every source of <paramref name="answer"/>, by number (what <c>/sources</c> prints).</summary>
    public static ShownList AllSources(Answer answer) => new(answer.Sources.OrderBy(s => s.N).Select(s => s.Id).ToList(), ShownListKind.Answer);

    /// <summary>A search's results in shown order.</summary>
    public static ShownList OfSearch(IEnumerable<string> paperIds) => new(paperIds.ToList(), ShownListKind.Search);

    /// <summary>How many entries the list has.</summary>
    public int Count => PaperIds.Count;

    /// <summary>"the last answer listed [1]–[5]" and the like.</summary>
    public string Describe()
    {
        var what = Kind == ShownListKind.Search ? "the last search" : "the last answer";
        return Count switch
        {
            0 => $"{what} listed nothing",
            1 => $"{what} listed only [1]",
            2 => $"{what} listed [1] and [2]",
            _ => $"{what} listed [1]–[{Count}]",
        };
    }
}
