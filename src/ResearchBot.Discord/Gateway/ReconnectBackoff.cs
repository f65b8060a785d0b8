namespace ResearchBot.Discord.Gateway;

/// <summary>Exponential reconnect delays: none for the first attempt, then 1 s, 2 s, 4 s … up to a cap, with jitter.</summary>
public sealed class ReconnectBackoff(IGatewayRandom random, TimeSpan? initial = null, TimeSpan? max = null)
{
    private readonly TimeSpan _initial = initial ?? TimeSpan.FromSeconds(1);
    private readonly TimeSpan _max = max ?? TimeSpan.FromSeconds(60);
    private int _failures;

    /// <summary>The wait before the next attempt, growing with each failure since the last success.</summary>
    public TimeSpan Next()
    {
        var n = _failures++;
        if (n == 0) return TimeSpan.Zero;
        var ms = Math.Min(_max.TotalMilliseconds, _initial.TotalMilliseconds * Math.Pow(2, n - 1));
        return TimeSpan.FromMilliseconds(ms * (0.8 + 0.2 * random.NextDouble()));
    }

    /// <summary>A connection worked: start again from no wait.</summary>
    public void Reset() => _failures = 0;
}
