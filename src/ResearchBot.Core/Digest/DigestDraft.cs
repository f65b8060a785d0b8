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

/// <summary>A theme being written.</summary>
public sealed class DraftTheme(int number, IReadOnlyList<string> keywords, IReadOnlyList<DraftItem> items)
{
    public int Number { get; } = number;

    /// <summary>The theme's distinctive words from clustering.</summary>
    public IReadOnlyList<string> Keywords { get; } = keywords;

    public IReadOnlyList<DraftItem> Items { get; } = items;

    public string Name { get; set; } = "";

    public string Intro { get; set; } = "";
}

/// <summary>A numbered paper in a digest being written.</summary>
public sealed class DraftItem(int n, Paper paper)
{
    public int N { get; } = n;

    public Paper Paper { get; } = paper;

    public string OneLiner { get; set; } = "";
}
