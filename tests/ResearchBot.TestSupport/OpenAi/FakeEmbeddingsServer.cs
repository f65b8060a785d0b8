using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ResearchBot.TestSupport.OpenAi;

/// <summary>
/// A Kestrel server on 127.0.0.1 speaking the embeddings protocols of OpenAI (<c>POST /v1/embeddings</c>) and
/// Ollama (<c>POST /api/embed</c>). Vectors are a deterministic function of the text (<see cref="VectorOf"/>);
/// every request's inputs are recorded. Never talks to the internet.
/// </summary>
public sealed class FakeEmbeddingsServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<IReadOnlyList<string>> _batches = new();
    private readonly ConcurrentQueue<string> _models = new();

    private FakeEmbeddingsServer(WebApplication app, int dimensions)
    {
        _app = app;
        Dimensions = dimensions;
    }

    /// <summary>Length of the vectors served.</summary>
    public int Dimensions { get; }

    /// <summary>The server's address, e.g. <c>http://127.0.0.1:54321/</c>.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>The inputs of every embeddings request, in arrival order.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Batches => _batches.ToArray();

    /// <summary>The model named by every request, in arrival order.</summary>
    public IReadOnlyList<string> Models => _models.ToArray();

    public static async Task<FakeEmbeddingsServer> StartAsync(int dimensions = 8)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new FakeEmbeddingsServer(app, dimensions);
        app.MapPost("/v1/embeddings", server.OpenAiAsync);
        app.MapPost("/api/embed", server.OllamaAsync);
        await app.StartAsync();
        server.BaseUrl = new Uri(app.Urls.Single().Replace("localhost", "127.0.0.1", StringComparison.Ordinal) + "/");
        return server;
    }

    /// <summary>The vector served for <paramref name="text"/>: a few buckets set from the text's characters, L2-normalized.</summary>
    public float[] VectorOf(string text)
    {
        var v = new float[Dimensions];
        for (var i = 0; i < text.Length; i++) v[(text[i] + i) % Dimensions] += 1 + text[i] % 7;
        v[text.Length % Dimensions] += 1;
        var norm = MathF.Sqrt(v.Sum(x => x * x));
        for (var i = 0; i < v.Length; i++) v[i] /= norm;
        return v;
    }

    private async Task OpenAiAsync(HttpContext context)
    {
        var (model, inputs) = await ReadAsync(context, "input");
        var data = new JsonArray();
        for (var i = 0; i < inputs.Count; i++)
            data.Add(new JsonObject { ["object"] = "embedding", ["index"] = i, ["embedding"] = Floats(VectorOf(inputs[i])) });
        var body = new JsonObject
        {
            ["object"] = "list",
            ["data"] = data,
            ["model"] = model,
            ["usage"] = new JsonObject { ["prompt_tokens"] = inputs.Count, ["total_tokens"] = inputs.Count },
        };
        await WriteAsync(context, body);
    }

    private async Task OllamaAsync(HttpContext context)
    {
        var (model, inputs) = await ReadAsync(context, "input");
        var embeddings = new JsonArray();
        foreach (var text in inputs) embeddings.Add(Floats(VectorOf(text)));
        await WriteAsync(context, new JsonObject { ["model"] = model, ["embeddings"] = embeddings, ["total_duration"] = 1, ["load_duration"] = 1, ["prompt_eval_count"] = inputs.Count });
    }

    private async Task<(string Model, List<string> Inputs)> ReadAsync(HttpContext context, string inputProperty)
    {
        using var doc = await JsonDocument.ParseAsync(context.Request.Body);
        var root = doc.RootElement;
        var model = root.TryGetProperty("model", out var m) ? m.GetString() ?? "" : "";
        var inputs = new List<string>();
        if (root.TryGetProperty(inputProperty, out var input))
        {
            if (input.ValueKind == JsonValueKind.Array) inputs.AddRange(input.EnumerateArray().Select(e => e.GetString() ?? ""));
            else inputs.Add(input.GetString() ?? "");
        }
        _models.Enqueue(model);
        _batches.Enqueue(inputs);
        return (model, inputs);
    }

    private static JsonArray Floats(float[] v)
    {
        var a = new JsonArray();
        foreach (var x in v) a.Add(x);
        return a;
    }

    private static async Task WriteAsync(HttpContext context, JsonObject body)
    {
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body.ToJsonString());
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
