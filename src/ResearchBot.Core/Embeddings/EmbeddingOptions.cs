namespace ResearchBot.Embeddings;

/// <summary>Which embedder turns abstracts and questions into vectors (section <c>Embeddings</c>).</summary>
public sealed class EmbeddingOptions
{
    public const string Section = "Embeddings";

    /// <summary><c>Offline</c> (built in, default), <c>OpenAI</c> (OpenAI or any OpenAI-compatible endpoint) or <c>Ollama</c>.</summary>
    public string Provider { get; set; } = "Offline";

    /// <summary>Model name for OpenAI/Ollama, e.g. <c>text-embedding-3-small</c> or <c>nomic-embed-text</c>.</summary>
    public string? Model { get; set; }

    /// <summary>Base URL: for OpenAI-compatible servers e.g. <c>http://localhost:8000/v1</c>; for Ollama <c>http://localhost:11434</c>.</summary>
    public string? Endpoint { get; set; }

    /// <summary>API key (set it with user-secrets or the <c>Embeddings__ApiKey</c> environment variable, never in a file).</summary>
    public string? ApiKey { get; set; }

    /// <summary>Requested output dimensions, for models that support it.</summary>
    public int? Dimensions { get; set; }

    /// <summary>Texts per request.</summary>
    public int BatchSize { get; set; } = 256;

    /// <summary>Settings of the built-in embedder.</summary>
    public OfflineEmbeddingOptions Offline { get; set; } = new();
}
