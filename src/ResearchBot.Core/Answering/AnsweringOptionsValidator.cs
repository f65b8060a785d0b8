using Microsoft.Extensions.Options;
using ResearchBot.Configuration;

namespace ResearchBot.Answering;

/// <summary>Checks the <c>Answering</c> section at start (0 sentences would give an empty answer).</summary>
public sealed class AnsweringOptionsValidator : IValidateOptions<AnsweringOptions>
{
    public ValidateOptionsResult Validate(string? name, AnsweringOptions o) =>
        new SettingChecks(AnsweringOptions.Section)
            .Between(nameof(o.OfflineSentences), o.OfflineSentences, 1, 100)
            .Between(nameof(o.OfflineSourcePapers), o.OfflineSourcePapers, 1, 100)
            .Between(nameof(o.MaxSources), o.MaxSources, 1, 100)
            .Result();
}
