using System.ClientModel;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ResearchBot.ChatClients;

/// <summary>
/// Turns whatever a provider client throws (HTTP errors, exhausted retries, refused connections, timeouts, malformed
/// replies) into one-line <see cref="ChatProviderException"/>s that name the provider and the cause, with the API key removed.
/// </summary>
internal static partial class ChatErrorTranslator
{
    /// <summary>The translated exception, or null when the caller cancelled (see <see cref="ProviderErrorChatClient"/>).</summary>
    public static ChatProviderException? Translate(Exception error, string provider, string providerName, SecretRedactor redactor, CancellationToken callerToken)
    {
        if (error is ChatProviderException same) return same;
        if (callerToken.IsCancellationRequested) return null;
        var reason = redactor.Redact(OneLine(Reason(error, providerName)));
        // The original exception stays attached for debugging unless it carries the key.
        var inner = redactor.Leaks(error.ToString()) ? null : error;
        return new ChatProviderException($"The language model ({provider}) failed: {reason}", inner);
    }

    /// <summary>A failure detected in a reply that arrived (empty, cut off), as a one-line exception.</summary>
    public static ChatProviderException Refuse(string reason, string provider) => new($"The language model ({provider}) failed: {reason}");

    /// <summary>The cause of a failed HTTP try, in the words of a translated error (no provider name needed).</summary>
    public static string Describe(Exception error) => OneLine(Reason(error, "the provider"));

    private static string Reason(Exception error, string providerName) => error switch
    {
        AggregateException a => Exhausted(a, providerName),
        RetryAfterTooLongException r => $"{(r.RateLimited ? "rate limited" : "unavailable")} by {providerName}; retry after {Math.Ceiling(r.Wait.TotalSeconds):0} s (longer than Chat:Timeout, {ChatDeadlineException.Seconds(r.Limit)})",
        ChatDeadlineException d => d.Message,
        ClientResultException { Status: not 0 } c => $"HTTP {c.Status} {Status(c.Status)}{Detail(c.Message)}",
        ClientResultException c when c.InnerException is { } inner => Reason(inner, providerName),
        ClientResultException c => Detail(c.Message).TrimStart(':', ' '),
        HttpRequestException { StatusCode: { } s } h => $"HTTP {(int)s} {Status((int)s)}{Detail(h.Message)}",
        HttpRequestException { InnerException: SocketException socket } => $"cannot connect ({socket.Message})",
        HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError } h => $"cannot connect ({h.InnerException?.Message ?? h.Message})",
        HttpRequestException h => $"the connection failed ({h.InnerException?.Message ?? h.Message})",
        JsonException j => $"malformed reply (not valid JSON: {j.Message})",
        // Provider clients index into or dereference a reply without choices or message ({"choices":[]}, a bare "done" line).
        ArgumentOutOfRangeException or IndexOutOfRangeException or NullReferenceException => $"the reply was empty or incomplete ({error.GetType().Name})",
        IOException io => $"the connection broke off ({io.Message})",
        TimeoutException or OperationCanceledException or Polly.Timeout.TimeoutRejectedException => "no response in time (timed out; see Chat:Timeout)",
        _ when error.GetType().Namespace?.StartsWith("OllamaSharp", StringComparison.Ordinal) == true => error.Message,
        _ => $"unexpected reply ({error.GetType().Name}: {error.Message})",
    };

    /// <summary>Retries ran out (System.ClientModel gathers each try's exception): the cause is the last try's.</summary>
    private static string Exhausted(AggregateException error, string providerName)
    {
        var tries = error.Flatten().InnerExceptions;
        return tries.Count == 0 ? error.Message : $"{Reason(tries[^1], providerName)} (gave up after {tries.Count} tries)";
    }

    private static string Status(int status) => status switch
    {
        401 or 403 => "(check Chat:ApiKey)",
        404 => "(check Chat:Endpoint and Chat:Model)",
        429 => "(rate limited; retries exhausted)",
        >= 500 => "(server error; retries exhausted)",
        _ => Enum.IsDefined(typeof(HttpStatusCode), status) ? $"({(HttpStatusCode)status})" : "",
    };

    private static string Detail(string message)
    {
        // The OpenAI client's message repeats the status ("HTTP 500 (server_error: )"); keep only the server's words.
        var first = StatusPrefix().Replace(OneLine(message), "");
        first = ResponseStatus().Replace(first, "");
        return first.Length == 0 ? "" : ": " + (first.Length > 200 ? first[..200] + "…" : first);
    }

    private static string OneLine(string text) =>
        string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    [GeneratedRegex(@"^HTTP \d+\s*(\([^)]*\))?\s*")]
    private static partial Regex StatusPrefix();

    /// <summary>HttpRequestException's own wording ("Response status code does not indicate success: 500 (Internal Server Error).").</summary>
    [GeneratedRegex(@"^Response status code does not indicate success: \d+ \([^)]*\)\.?\s*")]
    private static partial Regex ResponseStatus();
}
