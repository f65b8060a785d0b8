namespace ResearchBot.Prompts;

/// <summary>The prompts the bot needs; each is <c>prompts/&lt;Name&gt;/skprompt.txt</c> + <c>config.json</c>.</summary>
public static class PromptNames
{
    public const string GroundedAnswer = nameof(GroundedAnswer);
    public const string CondenseQuestion = nameof(CondenseQuestion);
    public const string Digest = nameof(Digest);
    public const string PaperOneLiner = nameof(PaperOneLiner);

    /// <summary>Every prompt that must be present at start.</summary>
    public static readonly IReadOnlyList<string> Required = [GroundedAnswer, CondenseQuestion, Digest, PaperOneLiner];
}
