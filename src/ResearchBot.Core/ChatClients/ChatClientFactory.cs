using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OllamaSharp;
using OpenAI;
using Polly;

namespace ResearchBot.ChatClients;

/// <summary>
/// Builds the <see cref="IChatClient"/> the configuration asks for. The first <c>Use</c> is the outermost layer:
/// bounded function invocation → OpenTelemetry → logging → one-line provider errors (<see cref="ProviderErrorChatClient"/>)
/// → the <c>Chat:Timeout</c> deadline (<see cref="DeadlineChatClient"/>) → the provider client, whose HTTP pipeline retries
/// 408/429/5xx (a Retry-After longer than <c>Chat:Timeout</c> fails at once). So logging and telemetry see only the
/// one-line errors, and their exception details are Debug-level (<see cref="FailureDetailLoggerFactory"/>).
/// <see cref="ChatProvider.Offline"/> gives no client.
/// </summary>
public static class ChatClientFactory
{
    /// <summary>The OpenTelemetry source name of the chat spans.</summary>
    public const string TelemetrySource = "ResearchBot.Chat";

    /// <summary>The client, or null when the provider is <see cref="ChatProvider.Offline"/>.</summary>
    public static IChatClient? Create(ChatSettings settings, ILoggerFactory? loggerFactory = null)
    {
        if (!settings.UsesModel) return null;
        loggerFactory ??= NullLoggerFactory.Instance;
        if (string.IsNullOrWhiteSpace(settings.Model))
            throw new ChatProviderException($"Chat:Provider is {settings.Provider} but Chat:Model is not set.");
        if (settings.Timeout <= TimeSpan.Zero)
            throw new ChatProviderException($"Chat:Timeout must be positive (it is {settings.Timeout}).");
        var inner = settings.Provider switch
        {
            ChatProvider.OpenAI => CreateOpenAi(settings),
            ChatProvider.Ollama => CreateOllama(settings),
            _ => throw new ChatProviderException($"Unknown Chat:Provider '{settings.Provider}'."),
        };
        var layerLogs = new FailureDetailLoggerFactory(loggerFactory);
        return new ChatClientBuilder(inner)
            .UseFunctionInvocation(layerLogs, f =>
            {
                f.MaximumIterationsPerRequest = Math.Max(1, settings.MaxToolCalls);
                f.MaximumConsecutiveErrorsPerRequest = 2;
            })
            .UseOpenTelemetry(layerLogs, TelemetrySource)
            .UseLogging(layerLogs)
            .Use(c => new ProviderErrorChatClient(c, settings))
            .Use(c => new DeadlineChatClient(c, settings.Timeout))
            .Build();
    }

    private static IChatClient CreateOpenAi(ChatSettings settings)
    {
        var options = new OpenAIClientOptions
        {
            Endpoint = ParseEndpoint(settings),
            NetworkTimeout = settings.Timeout,
            RetryPolicy = new ClientRetryPolicy(Math.Max(0, settings.MaxRetries)),
            Transport = new HttpClientPipelineTransport(new HttpClient(Handler(settings)) { Timeout = Timeout.InfiniteTimeSpan }),
        };
        // Local OpenAI-compatible servers need no key, but the client requires a non-empty credential.
        var key = string.IsNullOrWhiteSpace(settings.ApiKey) ? "no-key" : settings.ApiKey;
        return new OpenAI.Chat.ChatClient(settings.Model, new ApiKeyCredential(key), options).AsIChatClient();
    }

    private static IChatClient CreateOllama(ChatSettings settings)
    {
        // The same back-off as the OpenAI client (0.8 s, doubling, with jitter), so retries fit within Chat:Timeout.
        var retry = new HttpRetryStrategyOptions { MaxRetryAttempts = Math.Max(1, settings.MaxRetries), ShouldRetryAfterHeader = true, Delay = TimeSpan.FromSeconds(0.8) };
        var pipeline = new ResiliencePipelineBuilder<HttpResponseMessage>();
        if (settings.MaxRetries > 0) pipeline.AddRetry(retry);
        pipeline.AddTimeout(settings.Timeout);
        var http = new HttpClient(new ResilienceHandler(pipeline.Build()) { InnerHandler = Handler(settings) })
        {
            BaseAddress = ParseEndpoint(settings),
            Timeout = Timeout.InfiniteTimeSpan,
        };
        // Ollama behind an authenticating proxy (or a hosted Ollama) takes the key as a bearer token.
        if (!string.IsNullOrWhiteSpace(settings.ApiKey))
            http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", settings.ApiKey);
        return new OllamaToolResults(new OllamaApiClient(http, settings.Model!)).WithContextSize(settings.ContextTokens);
    }

    /// <summary>The HTTP handler under the retries: fails at once on a Retry-After longer than <c>Chat:Timeout</c>, and
    /// records each try's failure for a call that then runs out of time.</summary>
    private static HttpMessageHandler Handler(ChatSettings settings) =>
        new RetryAfterLimitHandler(settings.Timeout) { InnerHandler = new TryRecorder { InnerHandler = new SocketsHttpHandler() } };

    private static Uri ParseEndpoint(ChatSettings settings)
    {
        var text = string.IsNullOrWhiteSpace(settings.Endpoint) ? ChatSettings.DefaultEndpoint(settings.Provider) : settings.Endpoint;
        return Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : throw new ChatProviderException($"Chat:Endpoint '{text}' is not an http(s) URL.");
    }
}
