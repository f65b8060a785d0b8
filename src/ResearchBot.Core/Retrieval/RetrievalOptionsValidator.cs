using Microsoft.Extensions.Options;
using ResearchBot.Configuration;

namespace ResearchBot.Retrieval;

/// <summary>Checks the <c>Retrieval</c> section at start: a nonsense number would silently break every ranking.</summary>
public sealed class RetrievalOptionsValidator : IValidateOptions<RetrievalOptions>
{
    public ValidateOptionsResult Validate(string? name, RetrievalOptions o) =>
        new SettingChecks(RetrievalOptions.Section)
            .AboveAtMost(nameof(o.K1), o.K1, 0, 100)
            .AboveAtMost(nameof(o.B), o.B, 0, 1)
            .AboveAtMost(nameof(o.TitleWeight), o.TitleWeight, 0, 1000)
            .Require(double.IsFinite(o.VectorWeight) && o.VectorWeight is >= 0 and <= 1000, nameof(o.VectorWeight), $"must be between 0 and 1000 (it is {o.VectorWeight})")
            .Require(double.IsFinite(o.ProximityWeight) && o.ProximityWeight is >= 0 and <= 1000, nameof(o.ProximityWeight), $"must be between 0 and 1000 (it is {o.ProximityWeight})")
            .Between(nameof(o.ProximityWindow), o.ProximityWindow, 1, 1000)
            .AboveAtMost(nameof(o.CommonTermFraction), o.CommonTermFraction, 0, 1)
            .Between(nameof(o.Candidates), o.Candidates, 1, 100_000)
            .Between(nameof(o.TypoMinLength), o.TypoMinLength, 1, 1000)
            .AboveAtMost(nameof(o.RelevanceThreshold), o.RelevanceThreshold, 0, 1)
            .AboveAtMost(nameof(o.NearDuplicateSimilarity), o.NearDuplicateSimilarity, 0, 1)
            .Result();
}
