using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace ResearchBot.Ingestion;

/// <summary>Maps a source's timeout and retry settings onto the standard resilience handler.</summary>
internal static class HttpSourceResilience
{
    private static readonly TimeSpan RetryAfterAllowance = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan MinimumSamplingDuration = TimeSpan.FromSeconds(30);

    public static void Apply(HttpSourceOptions source, HttpStandardResilienceOptions resilience)
    {
        var retries = source.MaxRetries;
        resilience.AttemptTimeout.Timeout = source.Timeout;
        resilience.Retry.MaxRetryAttempts = retries;
        resilience.Retry.Delay = source.RetryDelay;
        resilience.Retry.BackoffType = DelayBackoffType.Exponential;
        resilience.Retry.UseJitter = true;
        resilience.Retry.ShouldRetryAfterHeader = true;
        var backoff = source.RetryDelay * (Math.Pow(2, retries) - 1);
        resilience.TotalRequestTimeout.Timeout = source.Timeout * (retries + 1) + backoff + RetryAfterAllowance;
        var sampling = source.Timeout * 2;
        resilience.CircuitBreaker.SamplingDuration = sampling > MinimumSamplingDuration ? sampling : MinimumSamplingDuration;
    }
}
