namespace ResearchBot.Digest.Clustering;

/// <summary>
/// A group of papers (indexes into the day's list) named by a phrase its papers share, with the other phrases many of
/// them share; the "Other" group (no name) holds papers that fit no theme.
/// </summary>
/// <param name="Members">Indexes of the papers in the group.</param>
/// <param name="Name">The shared phrase naming the group as its papers spell it ("KV cache compression"); null for "Other".</param>
/// <param name="NameKey">The stem key of <paramref name="Name"/> (see <see cref="KeyPhrases.Key"/>); null for "Other".</param>
/// <param name="Shared">Further phrases shared by several members, most shared first, with how many members contain each.</param>
public sealed record ThemeCluster(IReadOnlyList<int> Members, string? Name, string? NameKey, IReadOnlyList<SharedPhrase> Shared)
{
    /// <summary>True for the group of papers that fit no named theme.</summary>
    public bool IsOther => Name is null;
}

/// <summary>A phrase and how many of a theme's papers contain it.</summary>
public sealed record SharedPhrase(string Phrase, int Papers);
