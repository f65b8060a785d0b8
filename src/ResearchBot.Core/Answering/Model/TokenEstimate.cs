using Microsoft.Extensions.AI;

namespace ResearchBot.Answering.Model;

/// <summary>
/// A tokenizer-free token estimate: one token per four characters, rounded up (English prose with common BPE
/// vocabularies averages 4–4.5 characters a token, so this errs on the side of fitting), plus a few tokens of
/// framing per chat message.
/// </summary>
public static class TokenEstimate
{
    /// <summary>Characters counted as one token.</summary>
    public const int CharsPerToken = 4;

    /// <summary>Tokens a chat message costs besides its text (role and separators).</summary>
    public const int PerMessage = 4;

    /// <summary>The estimated tokens of <paramref name="text"/>.</summary>
    public static int Of(string? text) => string.IsNullOrEmpty(text) ? 0 : (text.Length + CharsPerToken - 1) / CharsPerToken;

    /// <summary>The estimated tokens of <paramref name="messages"/>, framing included.</summary>
    public static int Of(IEnumerable<ChatMessage> messages) => messages.Sum(m => PerMessage + Of(m.Text));

    /// <summary>
    /// The estimated tokens of the tool declarations sent with every request: name, JSON schema and the description,
    /// counted twice (providers' adapters repeat it inside the schema), plus the JSON framing of a declaration.
    /// </summary>
    public static int Of(IEnumerable<AITool> tools) =>
        tools.Sum(t => Of(t.Name) + 2 * Of(t.Description) + (t is AIFunctionDeclaration f ? Of(f.JsonSchema.GetRawText()) : 0) + ToolFraming);

    /// <summary>Tokens of JSON around one tool declaration ("type": "function", "function": {…}, "parameters").</summary>
    private const int ToolFraming = 30;

    /// <summary>Characters that fit in <paramref name="tokens"/> tokens.</summary>
    public static int Chars(int tokens) => Math.Max(0, tokens) * CharsPerToken;
}
