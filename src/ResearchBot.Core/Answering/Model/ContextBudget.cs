namespace ResearchBot.Answering.Model;

/// <summary>
/// The tokens one answer may still use of the model's context window (<c>Chat:ContextTokens</c>). The rendered
/// prompt, the reply's reserve and every tool call with its result are spent from it, so a tool loop cannot grow
/// the conversation past the window (thread-safe).
/// </summary>
public sealed class ContextBudget(int contextTokens)
{
    private readonly Lock _lock = new();
    private int _spent;

    /// <summary>The whole window.</summary>
    public int Total { get; } = Math.Max(0, contextTokens);

    /// <summary>Tokens not yet spent (never negative).</summary>
    public int Remaining
    {
        get { lock (_lock) return Math.Max(0, Total - _spent); }
    }

    /// <summary>Tokens spent so far.</summary>
    public int Spent
    {
        get { lock (_lock) return _spent; }
    }

    /// <summary>Records <paramref name="tokens"/> as used.</summary>
    public void Spend(int tokens)
    {
        lock (_lock) _spent += Math.Max(0, tokens);
    }
}
