using System.ClientModel;
using System.Net;
using System.Text.RegularExpressions;

namespace ResearchBot.ChatClients;

/// <summary>Turns provider exceptions (HTTP errors, timeouts, refused connections) into one-line <see cref="ChatProviderException"/>s.</summary>
internal static partial class ChatErrorTranslator
{
    /// <summary>The translated exception, or null when <paramref name="error"/> is not a provider failure (e.g. the caller cancelled).</summary>
    public static ChatProviderException? Translate(Exception error, string provider, CancellationToken callerToken)
    {
        if (error is ChatProviderException same) return same;
        if (error is OperationCanceledException && callerToken.IsCancellationRequested) return null;
        var reason = error switch
        {
            ClientResultException c when c.Status != 0 => $"HTTP {c.Status} {Reason(c.Status)}{Detail(c.Message)}",
            ClientResultException c => Detail(c.InnerException?.Message ?? c.Message).TrimStart(':', ' '),
            HttpRequestException { StatusCode: { } s } => $"HTTP {(int)s} {Reason((int)s)}",
            HttpRequestException h => h.InnerException?.Message ?? h.Message,
            TimeoutException or OperationCanceledException or Polly.Timeout.TimeoutRejectedException => "no response in time (timed out; see Chat:Timeout)",
            _ when error.GetType().Namespace?.StartsWith("OllamaSharp", StringComparison.Ordinal) == true => error.Message,
            _ => null,
        };
        return reason is null ? null : new ChatProviderException($"The language model ({provider}) failed: {OneLine(reason)}", error);
    }

    private static string Reason(int status) => status switch
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
        return first.Length == 0 ? "" : ": " + (first.Length > 200 ? first[..200] + "…" : first);
    }

    private static string OneLine(string text) =>
        string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    [GeneratedRegex(@"^HTTP \d+\s*(\([^)]*\))?\s*")]
    private static partial Regex StatusPrefix();
}
