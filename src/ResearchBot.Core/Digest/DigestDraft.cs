namespace ResearchBot.Digest;

/// <summary>A digest being written: themes of numbered papers, with names, intros and one-liners filled in by a writer.</summary>
public sealed class DigestDraft(DigestPeriod period, IReadOnlyList<DraftTheme> themes)
{
    /// <summary>The listing day or span the digest covers.</summary>
    public DigestPeriod Period { get; } = period;

    public IReadOnlyList<DraftTheme> Themes { get; } = themes;

    /// <summary>Every paper of the digest, by number.</summary>
    public IEnumerable<DraftItem> Items => Themes.SelectMany(t => t.Items);

    /// <summary>What the reader should know about how it was written ("the model failed part-way …").</summary>
    public List<string> Notices { get; } = [];
}
