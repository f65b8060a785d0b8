namespace ResearchBot.ChatClients;

/// <summary>The <c>Chat</c> configuration section. A class, not a record, so the key never appears in a generated ToString.</summary>
public sealed class ChatSettings
{
    /// <summary>The configuration section name.</summary>
    public const string Section = "Chat";

    public ChatProvider Provider { get; set; } = ChatProvider.Offline;

    /// <summary>Base URL: e.g. <c>https://api.openai.com/v1</c>, <c>http://localhost:11434/v1</c> (OpenAI-compatible) or <c>http://localhost:11434</c> (Ollama).</summary>
    public string? Endpoint { get; set; }

    public string? Model { get; set; }

    /// <summary>The API key; comes from the environment (<c>Chat__ApiKey</c>) or user-secrets, is never logged.</summary>
    public string? ApiKey { get; set; }

    /// <summary>How long one provider call may take before it fails.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>Retries on 408/429/5xx (Retry-After honoured).</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>How many tool calls (search_papers, get_paper) one answer may make.</summary>
    public int MaxToolCalls { get; set; } = 4;

    /// <summary>
    /// The model's context budget in tokens: answer prompts (sources, tool results and the reply) are fitted into it,
    /// long digests are split into parts that fit it, and Ollama is asked for this context size (<c>num_ctx</c>).
    /// </summary>
    public int ContextTokens { get; set; } = 8000;

    /// <summary>Whether the answering model is offered the search_papers/get_paper tools (a model that refuses tools is retried once without them).</summary>
    public bool Tools { get; set; } = true;

    /// <summary>True when a model is configured.</summary>
    public bool UsesModel => Provider != ChatProvider.Offline;

    /// <summary>A description safe to show and log: provider, model and endpoint, never the key.</summary>
    public string Describe() => Provider == ChatProvider.Offline
        ? "offline (no language model)"
        : $"{Provider} model '{Model}' at {Endpoint ?? DefaultEndpoint(Provider)}";

    internal static string DefaultEndpoint(ChatProvider provider) => provider switch
    {
        ChatProvider.Ollama => "http://localhost:11434",
        _ => "https://api.openai.com/v1",
    };
}
