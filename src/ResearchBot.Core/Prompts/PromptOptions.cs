namespace ResearchBot.Prompts;

/// <summary>The <c>Prompts</c> configuration section.</summary>
public sealed class PromptOptions
{
    public const string Section = "Prompts";

    /// <summary>The prompt directory; default: the first <c>prompts/</c> found walking up from the program's and the current directory.</summary>
    public string? Directory { get; set; }
}
