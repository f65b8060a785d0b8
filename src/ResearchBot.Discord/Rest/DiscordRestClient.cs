using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using ResearchBot.Discord.Rest.Models;

namespace ResearchBot.Discord.Rest;

/// <summary>The REST v10 calls the bot makes. Rate limits and retries live in <see cref="RateLimitHandler"/>.</summary>
/// <remarks>The <see cref="HttpClient"/>'s base address is the API base URL with a trailing slash.</remarks>
public sealed class DiscordRestClient(HttpClient http, IOptions<DiscordOptions> options)
{
    private static readonly JsonSerializerOptions Json = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    /// <summary>The gateway URL and the Identify budget, from <c>GET /gateway/bot</c>.</summary>
    public async Task<GatewayBotInfo> GetGatewayBotAsync(CancellationToken cancellationToken = default)
    {
        using var doc = await SendAsync(HttpMethod.Get, "gateway/bot", null, cancellationToken);
        var root = doc!.RootElement;
        int? remaining = null;
        var resetAfter = TimeSpan.Zero;
        if (root.TryGetProperty("session_start_limit", out var limit))
        {
            if (limit.TryGetProperty("remaining", out var r) && r.ValueKind == JsonValueKind.Number) remaining = r.GetInt32();
            if (limit.TryGetProperty("reset_after", out var ra) && ra.ValueKind == JsonValueKind.Number) resetAfter = TimeSpan.FromMilliseconds(ra.GetDouble());
        }
        return new GatewayBotInfo(root.GetProperty("url").GetString()!, remaining, resetAfter);
    }

    /// <summary>Posts a message; returns its id.</summary>
    public async Task<string> CreateMessageAsync(string channelId, OutgoingMessage message, CancellationToken cancellationToken = default)
    {
        using var doc = await SendAsync(HttpMethod.Post, $"channels/{channelId}/messages", message, cancellationToken);
        return doc!.RootElement.GetProperty("id").GetString()!;
    }

    public async Task EditMessageAsync(string channelId, string messageId, OutgoingMessage message, CancellationToken cancellationToken = default) =>
        (await SendAsync(HttpMethod.Patch, $"channels/{channelId}/messages/{messageId}", message, cancellationToken))?.Dispose();

    /// <summary>Shows "ResearchBot is typing…" for about ten seconds.</summary>
    public async Task TriggerTypingAsync(string channelId, CancellationToken cancellationToken = default) =>
        (await SendAsync(HttpMethod.Post, $"channels/{channelId}/typing", null, cancellationToken))?.Dispose();

    /// <summary>Starts a public thread on a message; returns the thread's channel id.</summary>
    public async Task<string> StartThreadAsync(string channelId, string messageId, string name, CancellationToken cancellationToken = default)
    {
        name = string.Join(' ', ResearchBot.Display.DisplayText.Clean(name).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        var body = new { name = name.Length > 100 ? name[..99] + "…" : name.Length == 0 ? "Follow-up" : name, auto_archive_duration = 1440 };
        using var doc = await SendAsync(HttpMethod.Post, $"channels/{channelId}/messages/{messageId}/threads", body, cancellationToken);
        return doc!.RootElement.GetProperty("id").GetString()!;
    }

    /// <summary>Replaces the slash commands: in one guild (instant) or globally.</summary>
    public async Task OverwriteCommandsAsync(string applicationId, string? guildId, IReadOnlyList<ApplicationCommand> commands, CancellationToken cancellationToken = default)
    {
        var route = guildId is null ? $"applications/{applicationId}/commands" : $"applications/{applicationId}/guilds/{guildId}/commands";
        (await SendAsync(HttpMethod.Put, route, commands, cancellationToken))?.Dispose();
    }

    public async Task CreateInteractionResponseAsync(string interactionId, string token, InteractionResponse response, CancellationToken cancellationToken = default) =>
        (await SendAsync(HttpMethod.Post, $"interactions/{interactionId}/{token}/callback", response, cancellationToken))?.Dispose();

    /// <summary>Edits the interaction's original (deferred) response; returns its message id when Discord gives it.</summary>
    public async Task<string?> EditOriginalResponseAsync(string applicationId, string token, OutgoingMessage message, CancellationToken cancellationToken = default)
    {
        using var doc = await SendAsync(HttpMethod.Patch, $"webhooks/{applicationId}/{token}/messages/@original", message, cancellationToken);
        return doc is not null && doc.RootElement.TryGetProperty("id", out var id) ? id.GetString() : null;
    }

    /// <summary>Posts a follow-up message to an interaction; returns its id.</summary>
    public async Task<string> CreateFollowupAsync(string applicationId, string token, OutgoingMessage message, CancellationToken cancellationToken = default)
    {
        using var doc = await SendAsync(HttpMethod.Post, $"webhooks/{applicationId}/{token}", message, cancellationToken);
        return doc!.RootElement.GetProperty("id").GetString()!;
    }

    private async Task<JsonDocument?> SendAsync(HttpMethod method, string route, object? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, route);
        var o = options.Value;
        request.Headers.TryAddWithoutValidation("User-Agent", $"DiscordBot ({o.UserAgentUrl}, {o.UserAgentVersion})");
        if (!IsWebhookRoute(route)) request.Headers.Authorization = new AuthenticationHeaderValue("Bot", o.Token);
        if (body is OutgoingMessage { Files.Count: > 0 } withFiles)
            request.Content = Multipart(withFiles);
        else if (body is not null)
            request.Content = new StringContent(JsonSerializer.Serialize(body, body.GetType(), Json), Encoding.UTF8, "application/json");
        using var response = await http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode) throw new DiscordApiException(method, RouteKey.TemplateOf(route), response.StatusCode, text);
        return string.IsNullOrWhiteSpace(text) ? null : JsonDocument.Parse(text);
    }

    /// <summary>A message with files: <c>payload_json</c> and one <c>files[i]</c> part per file.</summary>
    private static MultipartFormDataContent Multipart(OutgoingMessage message)
    {
        var content = new MultipartFormDataContent { { new StringContent(JsonSerializer.Serialize(message, Json), Encoding.UTF8, "application/json"), "payload_json" } };
        for (var i = 0; i < message.Files!.Count; i++)
        {
            var file = message.Files[i];
            var part = new ByteArrayContent(file.Content);
            part.Headers.ContentType = new MediaTypeHeaderValue(file.ContentType);
            content.Add(part, $"files[{i}]", file.FileName);
        }
        return content;
    }

    /// <summary>Interaction and webhook routes are authorized by their token, not the bot's.</summary>
    internal static bool IsWebhookRoute(string route) => route.StartsWith("webhooks/", StringComparison.Ordinal) || route.StartsWith("interactions/", StringComparison.Ordinal);
}
