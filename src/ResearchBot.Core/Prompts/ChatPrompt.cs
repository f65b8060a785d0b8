using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;
using Microsoft.SemanticKernel;

namespace ResearchBot.Prompts;

/// <summary>
/// Renders a prompt with Semantic Kernel's template engine and turns it into chat messages. Variable values are
/// HTML-encoded by the engine, so text inside a paper cannot open or close a <c>&lt;message&gt;</c> block; the
/// content is decoded only after the blocks are split.
/// </summary>
public sealed partial class ChatPrompt(PromptLibrary library, Kernel kernel)
{
    /// <summary>The messages of prompt <paramref name="name"/> with <paramref name="arguments"/>, and its chat options.</summary>
    public async Task<(IReadOnlyList<ChatMessage> Messages, ChatOptions Options)> RenderAsync(string name, IDictionary<string, object?> arguments,
        CancellationToken cancellationToken = default)
    {
        var args = new KernelArguments();
        foreach (var (k, v) in arguments) args[k] = v;
        var text = await library.Template(name).RenderAsync(kernel, args, cancellationToken);
        return (Parse(text), Options(library.Get(name)));
    }

    /// <summary>Splits <c>&lt;message role="…"&gt;…&lt;/message&gt;</c> blocks; text without blocks is one user message.</summary>
    public static IReadOnlyList<ChatMessage> Parse(string rendered)
    {
        var matches = MessageBlock().Matches(rendered);
        if (matches.Count == 0) return [new ChatMessage(ChatRole.User, WebUtility.HtmlDecode(rendered.Trim()))];
        return matches.Select(m => new ChatMessage(new ChatRole(m.Groups["role"].Value.ToLowerInvariant()), WebUtility.HtmlDecode(m.Groups["body"].Value.Trim())))
            .ToList();
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

    [GeneratedRegex("""<message\s+role\s*=\s*"(?<role>system|user|assistant)"\s*>(?<body>.*?)</message>""", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex MessageBlock();
}
