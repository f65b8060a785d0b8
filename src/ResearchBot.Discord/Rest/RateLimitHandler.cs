using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using ResearchBot.Telemetry;

namespace ResearchBot.Discord.Rest;

/// <summary>
/// Discord's rate limits and retries: per-bucket limits from the <c>X-RateLimit-*</c> headers (an exhausted bucket makes the
/// next request wait for its reset), 429s waited out for <c>retry_after</c> and retried (a global 429 pauses every request),
/// 5xx retried with exponential backoff. All waits go through <see cref="TimeProvider"/>.
/// </summary>
/// <param name="metrics">Counts every wait (<c>researchbot_rate_limit_waits_total</c>); null counts nothing.</param>
public sealed class RateLimitHandler(TimeProvider time, ILogger<RateLimitHandler> log, ResearchBotMetrics? metrics = null) : DelegatingHandler
{
    /// <summary>Attempts for one request across 429s and 5xx.</summary>
    public const int MaxAttempts = 5;

    private readonly ConcurrentDictionary<string, string> _bucketOfRoute = new();
    private readonly ConcurrentDictionary<string, RateLimitBucket> _buckets = new();
    private readonly Lock _globalLock = new();
    private DateTimeOffset _globalUntil;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var route = RouteKey.From(request);
        for (var attempt = 1; ; attempt++)
        {
            var bucket = BucketFor(route);
            HttpResponseMessage response;
            await bucket.EnterAsync(cancellationToken);
            try
            {
                await WaitGlobalAsync(cancellationToken);
                var wait = bucket.WaitTime(time.GetUtcNow());
                if (wait > TimeSpan.Zero)
                {
                    log.LogDebug("Bucket of {Route} exhausted; waiting {Wait}", route.Template, wait);
                    metrics?.RateLimitWaited("bucket");
                    await Task.Delay(wait, time, cancellationToken);
                    bucket.Refilled();
                }
                response = await base.SendAsync(request, cancellationToken);
                Remember(route, response);
            }
            finally
            {
                bucket.Leave();
            }

            if (response.StatusCode == HttpStatusCode.TooManyRequests && attempt < MaxAttempts)
            {
                await OnTooManyRequestsAsync(route, response, cancellationToken);
                response.Dispose();
                continue;
            }
            if ((int)response.StatusCode >= 500 && attempt < MaxAttempts)
            {
                var backoff = TimeSpan.FromMilliseconds(500 * Math.Pow(2, attempt - 1));
                log.LogWarning("Discord {Route} answered {Status}; retrying in {Wait}", route.Template, (int)response.StatusCode, backoff);
                response.Dispose();
                await Task.Delay(backoff, time, cancellationToken);
                continue;
            }
            return response;
        }
    }

    private RateLimitBucket BucketFor(RouteKey route)
    {
        var routeId = route.Method + " " + route.Template;
        var bucketId = _bucketOfRoute.TryGetValue(routeId, out var hash) ? hash : routeId;
        return _buckets.GetOrAdd(bucketId + "|" + route.Major, _ => new RateLimitBucket());
    }

    private void Remember(RouteKey route, HttpResponseMessage response)
    {
        var routeId = route.Method + " " + route.Template;
        if (Header(response, "X-RateLimit-Bucket") is { } hash && _bucketOfRoute.TryAdd(routeId, hash)
            && _buckets.TryGetValue(routeId + "|" + route.Major, out var old))
            _buckets.TryAdd(hash + "|" + route.Major, old);
        if (Header(response, "X-RateLimit-Remaining") is { } r && int.TryParse(r, CultureInfo.InvariantCulture, out var remaining)
            && Header(response, "X-RateLimit-Reset-After") is { } ra && double.TryParse(ra, CultureInfo.InvariantCulture, out var resetAfter))
            BucketFor(route).Update(remaining, time.GetUtcNow() + TimeSpan.FromSeconds(resetAfter));
    }

    private async Task OnTooManyRequestsAsync(RouteKey route, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var (retryAfter, global) = await ReadRetryAsync(response, cancellationToken);
        var until = time.GetUtcNow() + retryAfter;
        log.LogWarning("Rate limited on {Route} ({Scope}); retrying in {Wait}", route.Template, global ? "global" : "bucket", retryAfter);
        metrics?.RateLimitWaited(global ? "global_429" : "bucket_429");
        if (global)
            lock (_globalLock) { if (until > _globalUntil) _globalUntil = until; }
        else
            BucketFor(route).Exhaust(until);
    }

    private async Task WaitGlobalAsync(CancellationToken cancellationToken)
    {
        DateTimeOffset until;
        lock (_globalLock) until = _globalUntil;
        var wait = until - time.GetUtcNow();
        if (wait > TimeSpan.Zero) await Task.Delay(wait, time, cancellationToken);
    }

    private static async Task<(TimeSpan RetryAfter, bool Global)> ReadRetryAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        double? seconds = null;
        var global = Header(response, "X-RateLimit-Global") is { } g && g.Equals("true", StringComparison.OrdinalIgnoreCase);
        try
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            using var doc = JsonDocument.Parse(text);
            if (doc.RootElement.TryGetProperty("retry_after", out var ra) && ra.ValueKind == JsonValueKind.Number) seconds = ra.GetDouble();
            if (doc.RootElement.TryGetProperty("global", out var gl) && gl.ValueKind == JsonValueKind.True) global = true;
        }
        catch (JsonException) { }
        if (seconds is null && Header(response, "Retry-After") is { } h && double.TryParse(h, CultureInfo.InvariantCulture, out var s)) seconds = s;
        return (TimeSpan.FromSeconds(Math.Max(0, seconds ?? 1)), global);
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
