using ResearchBot.Papers;

namespace ResearchBot.Answering.Retrieval;

/// <summary>What retrieval found: the papers to answer from (best first), or, when there are none, the abstention message.</summary>
public sealed record RetrievedSources(IReadOnlyList<(Paper Paper, double Relevance)> Papers, string? Abstention)
{
    /// <summary>True when nothing was relevant enough.</summary>
    public bool Abstained => Abstention is not null;
}
