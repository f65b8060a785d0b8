using System.Text.Json;
using Microsoft.Extensions.AI;

namespace ResearchBot.ChatClients;

/// <summary>
/// Sends tool results to Ollama as the plain text they are. OllamaSharp serializes a tool result as a JSON object
/// (<c>{"CallId":…,"Result":"…\n…"}</c>), so a local model would read escaped newlines and the data delimiters would
/// not stand on their own lines; here each result becomes the text of its tool message.
/// </summary>
internal sealed class OllamaToolResults(IChatClient inner) : DelegatingChatClient(inner)
{
    public override Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        base.GetResponseAsync(Plain(messages), options, cancellationToken);

    public override IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
        CancellationToken cancellationToken = default) =>
        base.GetStreamingResponseAsync(Plain(messages), options, cancellationToken);

    private static List<ChatMessage> Plain(IEnumerable<ChatMessage> messages) =>
        messages.Select(m => m.Role == ChatRole.Tool && m.Contents.Any(c => c is FunctionResultContent)
            ? new ChatMessage(ChatRole.Tool, [.. m.Contents.Select(c => c is FunctionResultContent r ? new TextContent(Text(r.Result)) : c)])
            : m).ToList();

    private static string Text(object? result) => result switch
    {
        null => "",
        string s => s,
        JsonElement { ValueKind: JsonValueKind.String } e => e.GetString() ?? "",
        _ => JsonSerializer.Serialize(result, AIJsonUtilities.DefaultOptions),
    };
}
