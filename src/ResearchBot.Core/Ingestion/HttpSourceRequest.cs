using System.Globalization;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace ResearchBot.Ingestion;

/// <summary>One GET to an online source, with failures turned into a one-line <see cref="PaperSourceException"/>.</summary>
internal static class HttpSourceRequest
{
    public static async Task<string> GetStringAsync(HttpClient http, string relativeUrl, string sourceName, HttpSourceOptions options, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync(relativeUrl, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw new PaperSourceException($"{sourceName} answered HTTP {(int)response.StatusCode} {response.ReasonPhrase} for {relativeUrl}");
            }
            return await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutRejectedException ex)
        {
            throw TimedOut(sourceName, relativeUrl, options, ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw TimedOut(sourceName, relativeUrl, options, ex);
        }
        catch (BrokenCircuitException ex)
        {
            throw new PaperSourceException($"{sourceName} is failing too often; calls are paused for a while ({relativeUrl})", ex);
        }
        catch (HttpRequestException ex)
        {
            throw new PaperSourceException($"{sourceName} could not be reached: {TextCleanup.CollapseWhitespace(ex.Message)}", ex);
        }
    }

    private static PaperSourceException TimedOut(string sourceName, string relativeUrl, HttpSourceOptions options, Exception ex)
    {
        var seconds = options.Timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
        return new PaperSourceException(
            $"{sourceName} did not answer within {seconds} s per attempt ({options.MaxRetries + 1} attempts) for {relativeUrl}", ex);
    }
}
