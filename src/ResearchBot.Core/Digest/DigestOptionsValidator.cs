using Microsoft.Extensions.Options;
using ResearchBot.Configuration;

namespace ResearchBot.Digest;

/// <summary>Checks the <c>Digest</c> section at start.</summary>
public sealed class DigestOptionsValidator : IValidateOptions<DigestOptions>
{
    public ValidateOptionsResult Validate(string? name, DigestOptions o) =>
        new SettingChecks(DigestOptions.Section)
            .BetweenWhenSet(nameof(o.Themes), o.Themes, 1, 100)
            .Result();
}
