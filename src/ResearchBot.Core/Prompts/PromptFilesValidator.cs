using Microsoft.Extensions.Options;

namespace ResearchBot.Prompts;

/// <summary>
/// Loads the prompts of the <c>Prompts</c> section at start, in hosts that answer: a missing or broken prompt file fails
/// there with a <see cref="PromptLoadException"/> naming the file, not at the first question.
/// </summary>
public sealed class PromptFilesValidator : IValidateOptions<PromptOptions>
{
    public ValidateOptionsResult Validate(string? name, PromptOptions options)
    {
        PromptLibrary.Load(PromptDirectory.Resolve(options.Directory));
        return ValidateOptionsResult.Success;
    }
}
