using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ResearchBot.TestSupport.Http;

/// <summary>
/// A Kestrel server on 127.0.0.1 (free port) that answers every request with the next queued <see cref="RecordedResponse"/>
/// (404 when none is left) and records what it received. Never talks to the internet.
/// </summary>
public sealed class RecordedResponseServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TimeProvider _clock;
    private readonly ConcurrentQueue<RecordedResponse> _responses = new();
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();

    private RecordedResponseServer(WebApplication app, TimeProvider clock)
    {
        _app = app;
        _clock = clock;
    }

    /// <summary>The server's address, e.g. <c>http://127.0.0.1:54321/</c>.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>Requests received so far, in arrival order.</summary>
    public IReadOnlyList<RecordedRequest> Requests => _requests.ToArray();

    /// <summary>Starts a server; <paramref name="clock"/> stamps received requests (default: the system clock).</summary>
    public static async Task<RecordedResponseServer> StartAsync(TimeProvider? clock = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new RecordedResponseServer(app, clock ?? TimeProvider.System);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        server.BaseUrl = new Uri(app.Urls.Single().Replace("localhost", "127.0.0.1", StringComparison.Ordinal) + "/");
        return server;
    }

    /// <summary>Queues responses, played back in order.</summary>
    public RecordedResponseServer Enqueue(params RecordedResponse[] responses)
    {
        foreach (var response in responses) _responses.Enqueue(response);
        return this;
    }

    private async Task HandleAsync(HttpContext context)
    {
        _requests.Enqueue(new RecordedRequest(context.Request.Method, context.Request.Path + context.Request.QueryString, _clock.GetUtcNow()));
        if (!_responses.TryDequeue(out var response))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            await context.Response.WriteAsync("no recorded response left");
            return;
        }
        if (response.Delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(response.Delay, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
        context.Response.StatusCode = response.StatusCode;
        context.Response.ContentType = response.ContentType;
        foreach (var (name, value) in response.Headers) context.Response.Headers[name] = value;
        await context.Response.WriteAsync(response.Body, context.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
