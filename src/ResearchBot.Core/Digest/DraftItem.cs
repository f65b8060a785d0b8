using ResearchBot.Papers;

namespace ResearchBot.Digest;

/// <summary>A numbered paper in a digest being written.</summary>
public sealed class DraftItem(int n, Paper paper, bool interest)
{
    public int N { get; } = n;

    public Paper Paper { get; } = paper;

    /// <summary>True when the paper matches one of the reader's interests.</summary>
    public bool Interest { get; } = interest;

    public string OneLiner { get; set; } = "";
}
