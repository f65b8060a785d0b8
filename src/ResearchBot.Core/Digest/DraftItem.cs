using ResearchBot.Papers;

namespace ResearchBot.Digest;

/// <summary>A numbered paper in a digest being written.</summary>
public sealed class DraftItem(int n, Paper paper)
{
    public int N { get; } = n;

    public Paper Paper { get; } = paper;

    public string OneLiner { get; set; } = "";
}
