namespace ResearchBot.Digest;

/// <summary>The <c>Digest</c> configuration section.</summary>
public sealed class DigestOptions
{
    public const string Section = "Digest";

    /// <summary>At most this many named themes; null picks about √papers+5, at most 16.</summary>
    public int? Themes { get; set; }

    /// <summary>Phrases the reader follows ("KV cache", "agents"): matching papers rank first and are marked.</summary>
    public List<string> Interests { get; set; } = [];

    /// <summary>How many papers the "Top of the day" section names (0: none).</summary>
    public int TopOfDay { get; set; } = 3;
}
