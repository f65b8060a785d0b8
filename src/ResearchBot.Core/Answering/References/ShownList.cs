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
public sealed record ShownList(IReadOnlyList<string> PaperIds, ShownListKind Kind)
{
    /// <summary>The sources shown under <paramref name="answer"/>: the cited ones, by number (1..k after renumbering); null when none.</summary>
    public static ShownList? UnderAnswer(Answer answer)
    {
        var cited = answer.CitedSources.OrderBy(s => s.N).Select(s => s.Id).ToList();
        return cited.Count == 0 ? null : new ShownList(cited, ShownListKind.Answer);
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
