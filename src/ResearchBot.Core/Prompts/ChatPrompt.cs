using System.Net;
using System.Text;
using System.Xml;
using Microsoft.Extensions.AI;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;

namespace ResearchBot.Prompts;

/// <summary>
/// Renders a prompt with Semantic Kernel's template engine and lets Semantic Kernel's chat prompt parser split the
/// <c>&lt;message role="…"&gt;</c> blocks into chat messages. Variable values are HTML-encoded by the engine, so text inside
/// a paper cannot open or close a block; characters XML cannot carry (control characters) are dropped from them first,
/// so a stray one cannot make the parser fall back to one user message holding the raw blocks.
/// </summary>
public sealed class ChatPrompt(PromptLibrary library, Kernel kernel)
{
    /// <summary>The messages of prompt <paramref name="name"/> with <paramref name="arguments"/>, and its chat options.</summary>
    public async Task<(IReadOnlyList<Microsoft.Extensions.AI.ChatMessage> Messages, ChatOptions Options)> RenderAsync(string name, IDictionary<string, object?> arguments,
        CancellationToken cancellationToken = default)
    {
        var args = new KernelArguments();
        foreach (var (k, v) in arguments) args[k] = v is string s ? XmlText(s) : v;
        var text = await library.Template(name).RenderAsync(kernel, args, cancellationToken);
        return (await ParseAsync(text, cancellationToken), Options(library.Get(name)));
    }

    /// <summary>
    /// The chat messages of a rendered prompt as Semantic Kernel reads them (its <c>ChatPromptParser</c>, reached through
    /// <see cref="ChatCompletionServiceExtensions.GetChatMessageContentsAsync(IChatCompletionService, string, PromptExecutionSettings?, Kernel?, CancellationToken)"/>):
    /// one message a block, its content trimmed and HTML-decoded; text without blocks is one user message.
    /// </summary>
    public static async Task<IReadOnlyList<Microsoft.Extensions.AI.ChatMessage>> ParseAsync(string rendered, CancellationToken cancellationToken = default)
    {
        var history = await HistoryReader.Instance.GetChatMessageContentsAsync(rendered, cancellationToken: cancellationToken);
        if (history is [{ } only] && ReferenceEquals(only.Content, rendered))
        {
            // No blocks Semantic Kernel could read: the whole text is the user's message, as SK sends it, with the values decoded.
            if (rendered.Contains("<message", StringComparison.OrdinalIgnoreCase))
                throw new InvalidOperationException("The rendered prompt has <message> blocks that are not well-formed XML.");
            return [new Microsoft.Extensions.AI.ChatMessage(ChatRole.User, WebUtility.HtmlDecode(rendered.Trim()))];
        }
        return history.Select(m => new Microsoft.Extensions.AI.ChatMessage(new ChatRole(m.Role.Label.ToLowerInvariant()), (m.Content ?? "").Trim())).ToList();
    }

    /// <summary><paramref name="value"/> without the characters XML 1.0 cannot carry.</summary>
    internal static string XmlText(string value)
    {
        var first = FirstInvalid(value);
        if (first < 0) return value;
        var sb = new StringBuilder(value.Length).Append(value, 0, first);
        for (var i = first; i < value.Length; i++)
        {
            if (i + 1 < value.Length && XmlConvert.IsXmlSurrogatePair(value[i + 1], value[i])) sb.Append(value, i++, 2);
            else if (XmlConvert.IsXmlChar(value[i])) sb.Append(value[i]);
        }
        return sb.ToString();
    }

    private static int FirstInvalid(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (XmlConvert.IsXmlChar(value[i])) continue;
            if (i + 1 < value.Length && XmlConvert.IsXmlSurrogatePair(value[i + 1], value[i])) { i++; continue; }
            return i;
        }
        return -1;
    }

    private static ChatOptions Options(PromptTemplateConfig config)
    {
        var options = new ChatOptions();
        if (config.ExecutionSettings.TryGetValue(PromptExecutionSettings.DefaultServiceId, out var settings) && settings.ExtensionData is { } data)
        {
            if (data.TryGetValue("temperature", out var t) && TryFloat(t, out var temperature)) options.Temperature = temperature;
            if (data.TryGetValue("max_tokens", out var m) && TryFloat(m, out var max)) options.MaxOutputTokens = (int)max;
        }
        return options;
    }

    private static bool TryFloat(object? value, out float result)
    {
        result = 0;
        return value switch
        {
            System.Text.Json.JsonElement { ValueKind: System.Text.Json.JsonValueKind.Number } e => float.TryParse(e.GetRawText(), System.Globalization.CultureInfo.InvariantCulture, out result),
            IConvertible c => float.TryParse(Convert.ToString(c, System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture, out result),
            _ => false,
        };
    }

    /// <summary>A chat service that answers with the history it is given: how the parsed history of a prompt is read back.</summary>
    private sealed class HistoryReader : IChatCompletionService
    {
        public static readonly HistoryReader Instance = new();

        public IReadOnlyDictionary<string, object?> Attributes { get; } = new Dictionary<string, object?>();

        public Task<IReadOnlyList<ChatMessageContent>> GetChatMessageContentsAsync(ChatHistory chatHistory, PromptExecutionSettings? executionSettings = null,
            Kernel? kernel = null, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<ChatMessageContent>>([.. chatHistory]);

        public IAsyncEnumerable<StreamingChatMessageContent> GetStreamingChatMessageContentsAsync(ChatHistory chatHistory, PromptExecutionSettings? executionSettings = null,
            Kernel? kernel = null, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException("The history reader only reads the parsed history back.");
    }
}
