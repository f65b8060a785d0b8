using ResearchBot.Papers;

namespace ResearchBot.Digest;

/// <summary>A digest being written: themes of numbered papers, with names, intros and one-liners filled in by a writer.</summary>
public sealed class DigestDraft(DateOnly date, IReadOnlyList<DraftTheme> themes)
{
    public DateOnly Date { get; } = date;

    public IReadOnlyList<DraftTheme> Themes { get; } = themes;

    /// <summary>Every paper of the digest, by number.</summary>
    public IEnumerable<DraftItem> Items => Themes.SelectMany(t => t.Items);
}
