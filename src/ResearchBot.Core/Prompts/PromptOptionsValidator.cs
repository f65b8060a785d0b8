using Microsoft.Extensions.Options;
using ResearchBot.Configuration;

namespace ResearchBot.Prompts;

/// <summary>Checks the <c>Prompts</c> section at start.</summary>
public sealed class PromptOptionsValidator : IValidateOptions<PromptOptions>
{
    public ValidateOptionsResult Validate(string? name, PromptOptions o) =>
        new SettingChecks(PromptOptions.Section)
            .Require(o.Directory is null || (o.Directory.Length > 0 && Directory.Exists(o.Directory)), nameof(o.Directory), $"must be an existing folder (it is '{o.Directory}')")
            .Result();
}
