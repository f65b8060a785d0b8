using ResearchBot.Digest.Clustering;

namespace ResearchBot.Digest;

/// <summary>A theme being written: its papers, the phrases they share, and the name and intro a writer fills in.</summary>
public sealed class DraftTheme(int number, ThemeCluster cluster, IReadOnlyList<DraftItem> items)
{
    public int Number { get; } = number;

    /// <summary>The phrase all of its papers share (null for the "Other" group).</summary>
    public string? Phrase { get; } = cluster.Name;

    /// <summary>The stem key of <see cref="Phrase"/>.</summary>
    public string? PhraseKey { get; } = cluster.NameKey;

    /// <summary>Further phrases many of its papers share, with counts.</summary>
    public IReadOnlyList<SharedPhrase> Shared { get; } = cluster.Shared;

    /// <summary>True for the group of papers that fit no theme.</summary>
    public bool IsOther => Phrase is null;

    public IReadOnlyList<DraftItem> Items { get; } = items;

    public string Name { get; set; } = "";

    public string Intro { get; set; } = "";
}
