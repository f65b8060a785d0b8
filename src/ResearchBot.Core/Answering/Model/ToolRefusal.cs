using System.Text.RegularExpressions;

namespace ResearchBot.Answering.Model;

/// <summary>
/// Recognises a provider's refusal of tools: Ollama's "model X does not support tools", an OpenAI-compatible server's
/// "tools are not supported" or vLLM's "auto tool choice requires --enable-auto-tool-choice". The whole exception
/// chain is read, since provider errors arrive wrapped in a one-line <see cref="ChatClients.ChatProviderException"/>.
/// </summary>
public static partial class ToolRefusal
{
    /// <summary>True when <paramref name="error"/> (or an inner exception) says the model or server cannot take tools.</summary>
    public static bool IsRefusal(Exception error)
    {
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            if (e is OperationCanceledException) return false;
            if (e.GetType().Name == "ModelDoesNotSupportToolsException" || Refusal().IsMatch(e.Message)) return true;
        }
        return false;
    }

    [GeneratedRegex(@"does\s+not\s+support\s+(?:tools?|tool\s+(?:use|calling|calls)|function\s+calling)|(?:tools?|tool\s+(?:use|calling|calls)|function\s+calling)\s+(?:is|are)\s+not\s+supported|enable-auto-tool-choice", RegexOptions.IgnoreCase)]
    private static partial Regex Refusal();
}
