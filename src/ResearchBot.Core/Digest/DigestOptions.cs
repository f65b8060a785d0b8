namespace ResearchBot.Digest;

/// <summary>The <c>Digest</c> configuration section.</summary>
public sealed class DigestOptions
{
    public const string Section = "Digest";

    /// <summary>How many themes; null picks about √(papers/1.5), at most 10.</summary>
    public int? Themes { get; set; }
}
