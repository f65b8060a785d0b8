using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ResearchBot.TestSupport.OpenAi;

/// <summary>
/// A server on 127.0.0.1 speaking Ollama's native chat API (<c>POST /api/chat</c>, newline-delimited JSON), answering
/// from a script of <see cref="FakeReply"/>s (text, status, error and fault replies), counting and recording requests.
/// </summary>
public sealed class FakeOllamaServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<FakeReply> _replies = new();
    private readonly ConcurrentQueue<JsonObject> _bodies = new();
    private int _requests;

    private FakeOllamaServer(WebApplication app) => _app = app;

    /// <summary>The base URL (no path).</summary>
    public Uri Endpoint { get; private set; } = null!;

    /// <summary>How many chat requests arrived.</summary>
    public int Requests => Volatile.Read(ref _requests);

    /// <summary>The JSON body of every chat request, in arrival order (model, messages, tools, options such as num_ctx).</summary>
    public IReadOnlyList<JsonObject> Bodies => _bodies.ToList();

    /// <summary>The Authorization header of the latest request (empty when none was sent).</summary>
    public string LastAuthorization { get; private set; } = "";

    /// <summary>Appends replies to the script; an empty script answers 500.</summary>
    public FakeOllamaServer Enqueue(params FakeReply[] replies)
    {
        foreach (var r in replies) _replies.Enqueue(r);
        return this;
    }

    /// <summary>Starts a server on a free loopback port, or on <paramref name="port"/>.</summary>
    public static async Task<FakeOllamaServer> StartAsync(int port = 0)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        var server = new FakeOllamaServer(app);
        app.MapPost("/api/chat", server.HandleAsync);
        await app.StartAsync();
        server.Endpoint = new Uri(app.Urls.First());
        return server;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var body = (await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted))?.AsObject() ?? [];
        _bodies.Enqueue(body);
        Interlocked.Increment(ref _requests);
        LastAuthorization = context.Request.Headers.Authorization.ToString();
        var reply = _replies.TryDequeue(out var scripted) ? scripted : FakeReply.Status(500);
        var model = body["model"]?.GetValue<string>() ?? "fake";
        switch (reply)
        {
            case StatusReply s:
                context.Response.StatusCode = s.Code;
                if (s.RetryAfter is not null) context.Response.Headers.RetryAfter = s.RetryAfter;
                await context.Response.WriteAsJsonAsync(new { error = $"scripted status {s.Code}" });
                break;
            case ErrorReply e:
                context.Response.StatusCode = e.Code;
                await context.Response.WriteAsJsonAsync(new { error = e.Message });
                break;
            case ToolCallReply c:
                context.Response.ContentType = "application/x-ndjson";
                var call = new JsonObject { ["function"] = new JsonObject { ["name"] = c.Name, ["arguments"] = JsonNode.Parse(c.ArgumentsJson) } };
                await Line(context, new JsonObject
                {
                    ["model"] = model, ["created_at"] = "2026-04-29T09:00:00Z",
                    ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = "", ["tool_calls"] = new JsonArray(call) }, ["done"] = false,
                });
                await Line(context, new JsonObject
                {
                    ["model"] = model, ["created_at"] = "2026-04-29T09:00:01Z", ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = "" },
                    ["done"] = true, ["done_reason"] = "stop", ["prompt_eval_count"] = 10, ["eval_count"] = 5,
                });
                break;
            case TextReply t:
                context.Response.ContentType = "application/x-ndjson";
                foreach (var word in t.Content.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                    await Line(context, Piece(model, word + " "));
                await Line(context, new JsonObject
                {
                    ["model"] = model, ["created_at"] = "2026-04-29T09:00:01Z", ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = "" },
                    ["done"] = true, ["done_reason"] = "stop", ["prompt_eval_count"] = t.PromptTokens, ["eval_count"] = t.CompletionTokens,
                });
                break;
            case RejectKeyReply:
                context.Response.StatusCode = 401;
                await context.Response.WriteAsJsonAsync(new { error = $"unauthorized: invalid key '{LastAuthorization.Replace("Bearer ", "", StringComparison.Ordinal)}'" });
                break;
            case MalformedReply m:
                context.Response.ContentType = "application/x-ndjson";
                await Line(context, Piece(model, m.Before));
                await context.Response.WriteAsync("{\"model\": \"" + model + "\", \"message\": {\"role\": \"assistant\", \"content\": \"oo\n");
                break;
            case CutOffReply c:
                context.Response.ContentType = "application/x-ndjson";
                await Line(context, Piece(model, c.Before));
                break;
            case DropReply d:
                context.Response.ContentType = "application/x-ndjson";
                await Line(context, Piece(model, d.Before));
                // Let the piece reach the client before the connection drops.
                await Task.Delay(300);
                context.Abort();
                break;
            case DripReply drip:
                context.Response.ContentType = "application/x-ndjson";
                try
                {
                    while (true)
                    {
                        await Line(context, Piece(model, "more "));
                        await Task.Delay(drip.Interval, context.RequestAborted);
                    }
                }
                catch (Exception e) when (e is OperationCanceledException or IOException)
                {
                    return;
                }
            case EmptyChoicesReply:
                context.Response.ContentType = "application/x-ndjson";
                await Line(context, new JsonObject { ["model"] = model, ["created_at"] = "2026-04-29T09:00:01Z", ["done"] = true, ["done_reason"] = "stop" });
                break;
            case StallReply st:
                context.Response.ContentType = "application/x-ndjson";
                await Line(context, Piece(model, st.Before));
                try { await Task.Delay(st.Delay, context.RequestAborted); }
                catch (OperationCanceledException) { return; }
                break;
            case HangReply h:
                try { await Task.Delay(h.Delay, context.RequestAborted); }
                catch (OperationCanceledException) { return; }
                context.Response.StatusCode = 504;
                break;
            default:
                context.Response.StatusCode = 500;
                break;
        }
    }

    private static JsonObject Piece(string model, string content) =>
        new() { ["model"] = model, ["created_at"] = "2026-04-29T09:00:00Z", ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = content }, ["done"] = false };

    private static async Task Line(HttpContext context, JsonObject json)
    {
        await context.Response.WriteAsync(json.ToJsonString() + "\n");
        await context.Response.Body.FlushAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
