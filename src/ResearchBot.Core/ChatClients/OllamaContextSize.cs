using Microsoft.Extensions.AI;

namespace ResearchBot.ChatClients;

/// <summary>
/// Asks Ollama for the configured context window. Without <c>num_ctx</c> Ollama uses its small default and silently
/// drops the start of a longer prompt, which is where the answering rules are.
/// </summary>
internal static class OllamaContextSize
{
    /// <summary>The Ollama option name OllamaSharp maps from <see cref="ChatOptions.AdditionalProperties"/>.</summary>
    public const string OptionName = "num_ctx";

    /// <summary><paramref name="ollama"/> with <c>num_ctx</c> = <paramref name="contextTokens"/> on every request (unless a caller set it).</summary>
    public static IChatClient WithContextSize(this IChatClient ollama, int contextTokens) =>
        contextTokens <= 0
            ? ollama
            : new ChatClientBuilder(ollama).ConfigureOptions(o =>
            {
                o.AdditionalProperties ??= [];
                o.AdditionalProperties.TryAdd(OptionName, contextTokens);
            }).Build();
}
