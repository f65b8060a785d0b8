using System.Net;

namespace ResearchBot.Discord.Rest;

/// <summary>A Discord REST call failed after its retries.</summary>
public sealed class DiscordApiException(HttpMethod method, string route, HttpStatusCode status, string body)
    : Exception($"Discord {method} {route} failed with {(int)status} {status}: {Trim(body)}")
{
    public HttpStatusCode Status { get; } = status;

    /// <summary>Discord's JSON error code (e.g. 10062 Unknown interaction, 40060 already acknowledged), or null.</summary>
    public int? Code { get; } = CodeOf(body);

    /// <summary>True when the interaction is unknown or expired (10062), was already answered (40060), or its token no longer
    /// works for edits and followups (10015 Unknown Webhook, 50027 Invalid Webhook Token: past the 15 minutes).</summary>
    public bool IsStaleInteraction => Code is 10062 or 40060 or 10015 or 50027;

    private static int? CodeOf(string body)
    {
        try
        {
            using var doc = System.Text.Json.JsonDocument.Parse(body);
            return doc.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object && doc.RootElement.TryGetProperty("code", out var c)
                && c.ValueKind == System.Text.Json.JsonValueKind.Number ? c.GetInt32() : null;
        }
        catch (System.Text.Json.JsonException) { return null; }
    }

    private static string Trim(string body) => body.Length > 300 ? body[..300] + "…" : body;
}
