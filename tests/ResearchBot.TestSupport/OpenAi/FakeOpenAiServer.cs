using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ResearchBot.TestSupport.OpenAi;

/// <summary>
/// A server on 127.0.0.1 speaking the OpenAI chat completions protocol (<c>POST /v1/chat/completions</c>, JSON or
/// SSE when <c>stream</c> is set), answering from a script of <see cref="FakeReply"/>s and recording every request.
/// </summary>
public sealed class FakeOpenAiServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<FakeReply> _replies = new();
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private int _ids;

    private FakeOpenAiServer(WebApplication app) => _app = app;

    /// <summary>The base URL clients use (ends with <c>/v1</c>).</summary>
    public Uri Endpoint { get; private set; } = null!;

    /// <summary>Every request received, in order.</summary>
    public IReadOnlyList<RecordedRequest> Requests => _requests.ToList();

    /// <summary>Replies for requests when the script is empty; default: a 500 saying so.</summary>
    public Func<RecordedRequest, FakeReply>? Fallback { get; set; }

    /// <summary>Appends replies to the script, answered in order.</summary>
    public FakeOpenAiServer Enqueue(params FakeReply[] replies)
    {
        foreach (var r in replies) _replies.Enqueue(r);
        return this;
    }

    /// <summary>Starts a server on a free loopback port, or on <paramref name="port"/>.</summary>
    public static async Task<FakeOpenAiServer> StartAsync(int port = 0)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        var server = new FakeOpenAiServer(app);
        app.MapPost("/v1/chat/completions", server.HandleAsync);
        app.MapPost("/chat/completions", server.HandleAsync);
        await app.StartAsync();
        server.Endpoint = new Uri(app.Urls.First().TrimEnd('/') + "/v1");
        return server;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var body = (await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted))?.AsObject() ?? [];
        var request = new RecordedRequest(body, context.Request.Headers.Authorization.ToString());
        _requests.Enqueue(request);
        var reply = _replies.TryDequeue(out var scripted) ? scripted : Fallback?.Invoke(request) ?? FakeReply.Status(500);
        var id = $"chatcmpl-{Interlocked.Increment(ref _ids)}";
        var model = body["model"]?.GetValue<string>() ?? "fake";
        switch (reply)
        {
            case StatusReply s:
                context.Response.StatusCode = s.Code;
                if (s.RetryAfter is not null) context.Response.Headers.RetryAfter = s.RetryAfter;
                await context.Response.WriteAsJsonAsync(new { error = new { message = $"scripted status {s.Code}", type = "server_error", code = s.Code } });
                break;
            case HangReply h:
                try { await Task.Delay(h.Delay, context.RequestAborted); }
                catch (OperationCanceledException) { return; }
                context.Response.StatusCode = 504;
                break;
            case ErrorReply e:
                context.Response.StatusCode = e.Code;
                await context.Response.WriteAsJsonAsync(new { error = new { message = e.Message, type = "invalid_request_error", code = (string?)null } });
                break;
            case StallReply st:
                await StartSse(context);
                await Event(context, Chunk(id, model, new JsonObject { ["role"] = "assistant", ["content"] = st.Before }, null));
                try { await Task.Delay(st.Delay, context.RequestAborted); }
                catch (OperationCanceledException) { return; }
                await context.Response.WriteAsync("data: [DONE]\n\n");
                break;
            case RejectKeyReply:
                context.Response.StatusCode = 401;
                var key = request.Authorization?.Replace("Bearer ", "", StringComparison.Ordinal);
                await context.Response.WriteAsJsonAsync(new { error = new { message = $"Incorrect API key provided: {key}. You can find your API key at https://example.invalid/keys.", type = "invalid_request_error", code = "invalid_api_key" } });
                break;
            case MalformedReply m when request.Stream:
                await StartSse(context);
                await Event(context, Chunk(id, model, new JsonObject { ["role"] = "assistant", ["content"] = m.Before }, null));
                await context.Response.WriteAsync("data: {\"id\": \"" + id + "\", \"choices\": [{\"delta\": {\"content\": \"oops\n\n");
                await context.Response.WriteAsync("data: [DONE]\n\n");
                break;
            case MalformedReply or CutOffReply when !request.Stream:
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync("{\"id\": \"" + id + "\", \"object\": \"chat.completion\", \"choices\": [{\"index\": 0, \"message\": {\"role\": \"assistant\", \"content\": \"Keyf");
                break;
            case CutOffReply c:
                await StartSse(context);
                await Event(context, Chunk(id, model, new JsonObject { ["role"] = "assistant", ["content"] = c.Before }, null));
                break;
            case DropReply d:
                await StartSse(context);
                await Event(context, Chunk(id, model, new JsonObject { ["role"] = "assistant", ["content"] = d.Before }, null));
                // Let the piece reach the client before the connection drops.
                await Task.Delay(300);
                context.Abort();
                break;
            case DripReply drip:
                await StartSse(context);
                try
                {
                    while (true)
                    {
                        await Event(context, Chunk(id, model, new JsonObject { ["content"] = "more " }, null));
                        await Task.Delay(drip.Interval, context.RequestAborted);
                    }
                }
                catch (Exception e) when (e is OperationCanceledException or IOException)
                {
                    return;
                }
            case EmptyChoicesReply when request.Stream:
                await StartSse(context);
                var empty = Chunk(id, model, null, null);
                empty["choices"] = new JsonArray();
                await Event(context, empty);
                await context.Response.WriteAsync("data: [DONE]\n\n");
                break;
            case EmptyChoicesReply:
                var none = Completion(id, model, new JsonObject(), "stop", null);
                none["choices"] = new JsonArray();
                await context.Response.WriteAsJsonAsync(none);
                break;
            case TextReply t when request.Stream:
                await StreamTextAsync(context, id, model, t);
                break;
            case ToolCallReply c when request.Stream:
                await StreamToolCallAsync(context, id, model, c);
                break;
            case TextReply t:
                await context.Response.WriteAsJsonAsync(Completion(id, model, new JsonObject { ["role"] = "assistant", ["content"] = t.Content }, "stop",
                    Usage(t.PromptTokens, t.CompletionTokens)));
                break;
            case ToolCallReply c:
                await context.Response.WriteAsJsonAsync(Completion(id, model, new JsonObject
                {
                    ["role"] = "assistant", ["content"] = null, ["tool_calls"] = new JsonArray(ToolCallJson(id, c, withIndex: false)),
                }, "tool_calls", null));
                break;
        }
    }

    private static async Task StreamTextAsync(HttpContext context, string id, string model, TextReply t)
    {
        await StartSse(context);
        var pieces = Pieces(t.Content).ToList();
        for (var i = 0; i < pieces.Count; i++)
        {
            var delta = new JsonObject { ["content"] = pieces[i] };
            if (i == 0) delta["role"] = "assistant";
            await Event(context, Chunk(id, model, delta, null));
        }
        await Event(context, Chunk(id, model, new JsonObject(), "stop"));
        if (t.PromptTokens + t.CompletionTokens > 0)
        {
            var usage = Chunk(id, model, null, null);
            usage["choices"] = new JsonArray();
            usage["usage"] = Usage(t.PromptTokens, t.CompletionTokens);
            await Event(context, usage);
        }
        await context.Response.WriteAsync("data: [DONE]\n\n");
    }

    private static async Task StreamToolCallAsync(HttpContext context, string id, string model, ToolCallReply c)
    {
        await StartSse(context);
        await Event(context, Chunk(id, model, new JsonObject { ["role"] = "assistant", ["content"] = null, ["tool_calls"] = new JsonArray(ToolCallJson(id, c, withIndex: true)) }, null));
        await Event(context, Chunk(id, model, new JsonObject(), "tool_calls"));
        await context.Response.WriteAsync("data: [DONE]\n\n");
    }

    private static async Task StartSse(HttpContext context)
    {
        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        await context.Response.Body.FlushAsync();
    }

    private static async Task Event(HttpContext context, JsonObject data)
    {
        await context.Response.WriteAsync("data: " + data.ToJsonString() + "\n\n", Encoding.UTF8);
        await context.Response.Body.FlushAsync();
    }

    private static JsonObject ToolCallJson(string id, ToolCallReply c, bool withIndex)
    {
        var call = new JsonObject
        {
            ["id"] = "call_" + id,
            ["type"] = "function",
            ["function"] = new JsonObject { ["name"] = c.Name, ["arguments"] = c.ArgumentsJson },
        };
        if (withIndex) call["index"] = 0;
        return call;
    }

    private static JsonObject Chunk(string id, string model, JsonObject? delta, string? finish)
    {
        var choice = new JsonObject { ["index"] = 0, ["delta"] = delta ?? new JsonObject(), ["finish_reason"] = finish };
        return new JsonObject
        {
            ["id"] = id, ["object"] = "chat.completion.chunk", ["created"] = 1_700_000_000, ["model"] = model,
            ["choices"] = new JsonArray(choice),
        };
    }

    private static JsonObject Completion(string id, string model, JsonObject message, string finish, JsonObject? usage)
    {
        var result = new JsonObject
        {
            ["id"] = id, ["object"] = "chat.completion", ["created"] = 1_700_000_000, ["model"] = model,
            ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["message"] = message, ["finish_reason"] = finish }),
        };
        if (usage is not null) result["usage"] = usage;
        return result;
    }

    private static JsonObject? Usage(int prompt, int completion) => prompt + completion == 0
        ? null
        : new JsonObject { ["prompt_tokens"] = prompt, ["completion_tokens"] = completion, ["total_tokens"] = prompt + completion };

    /// <summary>The content in word-sized pieces, as a model would stream it.</summary>
    private static IEnumerable<string> Pieces(string content)
    {
        var start = 0;
        for (var i = 1; i <= content.Length; i++)
        {
            if (i == content.Length || content[i] == ' ')
            {
                yield return content[start..i];
                start = i;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
