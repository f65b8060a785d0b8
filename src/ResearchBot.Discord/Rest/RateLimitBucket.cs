namespace ResearchBot.Discord.Rest;

/// <summary>One rate-limit bucket: requests in it go one at a time, and wait while it is exhausted.</summary>
internal sealed class RateLimitBucket
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private int? _remaining;
    private DateTimeOffset _resetAt;

    public Task EnterAsync(CancellationToken cancellationToken) => _gate.WaitAsync(cancellationToken);

    public void Leave() => _gate.Release();

    /// <summary>How long to wait before the next request may go (zero when it may go now).</summary>
    public TimeSpan WaitTime(DateTimeOffset now) => _remaining == 0 && _resetAt > now ? _resetAt - now : TimeSpan.Zero;

    /// <summary>The bucket was waited out: the next response's headers tell the new state.</summary>
    public void Refilled() => _remaining = null;

    public void Update(int remaining, DateTimeOffset resetAt)
    {
        _remaining = remaining;
        _resetAt = resetAt;
    }

    /// <summary>A 429: nothing may go until <paramref name="until"/>.</summary>
    public void Exhaust(DateTimeOffset until) => Update(0, until);
}
