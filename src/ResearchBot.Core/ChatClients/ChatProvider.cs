namespace ResearchBot.ChatClients;

/// <summary>Which language model backs the answers.</summary>
public enum ChatProvider
{
    /// <summary>No model: the extractive offline answerer and digest are used.</summary>
    Offline,

    /// <summary>OpenAI or any OpenAI-compatible chat completions endpoint (Azure OpenAI v1, Ollama /v1, vLLM, LM Studio, llama.cpp, OpenRouter).</summary>
    OpenAI,

    /// <summary>Ollama's native API through OllamaSharp.</summary>
    Ollama,
}
