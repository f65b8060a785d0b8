namespace ResearchBot.Digest;

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
