namespace ResearchBot.Text.SentenceRoles;

/// <summary>What a sentence of an abstract does for the paper.</summary>
public enum SentenceRole
{
    /// <summary>The field, prior work or the problem ("Existing KV cache methods face memory bottlenecks").</summary>
    Background,

    /// <summary>What this paper does or builds ("We propose MiniCache, which merges …").</summary>
    Method,

    /// <summary>What this paper found or measured ("Experiments show a 41% memory reduction").</summary>
    Result,

    /// <summary>Where code, data or models are published ("Code is available at …").</summary>
    ReleaseNotice,

    /// <summary>None of the above (e.g. a statement after the method with no cue).</summary>
    Other,
}
