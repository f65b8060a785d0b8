namespace ResearchBot.Digest.Clustering;

/// <summary>A group of papers (indexes into the day's list) and the words that set it apart.</summary>
public sealed record ThemeCluster(IReadOnlyList<int> Members, IReadOnlyList<string> TopTerms);
