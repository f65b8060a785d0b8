using System.Net;

namespace ResearchBot.Discord.Rest;

/// <summary>A Discord REST call failed after its retries.</summary>
public sealed class DiscordApiException(HttpMethod method, string route, HttpStatusCode status, string body)
    : Exception($"Discord {method} {route} failed with {(int)status} {status}: {Trim(body)}")
{
    public HttpStatusCode Status { get; } = status;

    private static string Trim(string body) => body.Length > 300 ? body[..300] + "…" : body;
}
