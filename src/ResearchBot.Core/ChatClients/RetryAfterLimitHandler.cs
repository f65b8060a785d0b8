using System.Net;

namespace ResearchBot.ChatClients;

/// <summary>
/// Sits under the retry policy: a 429 or 503 whose Retry-After asks for a longer wait than <paramref name="limit"/>
/// (<c>Chat:Timeout</c>) fails at once with <see cref="RetryAfterTooLongException"/>, instead of being waited for and retried.
/// </summary>
internal sealed class RetryAfterLimitHandler(TimeSpan limit, TimeProvider? time = null) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode is not (HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable)) return response;
        if (Wait(response) is not { } wait || wait <= limit) return response;
        response.Dispose();
        throw new RetryAfterTooLongException(wait, limit, response.StatusCode == HttpStatusCode.TooManyRequests);
    }

    private TimeSpan? Wait(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - (time ?? TimeProvider.System).GetUtcNow(),
        _ => null,
    };
}

/// <summary>The provider asked for a longer wait than the bot allows (see <see cref="RetryAfterLimitHandler"/>).</summary>
internal sealed class RetryAfterTooLongException(TimeSpan wait, TimeSpan limit, bool rateLimited)
    : Exception($"The provider asked to retry after {wait.TotalSeconds:0} s, longer than Chat:Timeout ({limit.TotalSeconds:0} s).")
{
    public TimeSpan Wait => wait;

    public TimeSpan Limit => limit;

    /// <summary>True for a 429 (rate limited), false for a 503 (unavailable).</summary>
    public bool RateLimited => rateLimited;
}
