using Microsoft.Extensions.AI;

namespace ResearchBot.ChatClients;

/// <summary>
/// Tells a complete reply from a broken one: a reply with neither text nor a tool call is empty, and a stream that ends
/// without a finish reason (or Ollama's final <c>done</c> line) was cut off.
/// </summary>
internal sealed class ReplyCheck
{
    /// <summary>The reason a reply that ended without a finish reason is refused.</summary>
    public const string CutOff = "the reply was cut off before it finished (the stream ended without a finish reason)";

    /// <summary>The reason an empty reply is refused.</summary>
    public const string Empty = "the reply was empty";

    private bool _content, _finished;

    /// <summary>Notes one streamed update.</summary>
    public void Observe(ChatResponseUpdate update)
    {
        _content |= update.Contents.Any(HasSubstance);
        _finished |= update.FinishReason is not null || IsOllamaDone(update.RawRepresentation);
    }

    /// <summary>Why the stream seen so far is not a complete reply, or null.</summary>
    public string? StreamProblem => !_content ? Empty : !_finished ? CutOff : null;

    /// <summary>Why a non-streamed response is not a usable reply, or null.</summary>
    public static string? ResponseProblem(ChatResponse response) =>
        response.Messages.SelectMany(m => m.Contents).Any(HasSubstance) ? null : Empty;

    private static bool HasSubstance(AIContent content) => content switch
    {
        TextContent t => !string.IsNullOrWhiteSpace(t.Text),
        FunctionCallContent => true,
        _ => false,
    };

    /// <summary>OllamaSharp's last line of a stream (<c>"done": true</c>), which may carry no done reason.</summary>
    private static bool IsOllamaDone(object? raw) => raw is OllamaSharp.Models.Chat.ChatDoneResponseStream;
}
