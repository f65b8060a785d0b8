using Microsoft.Extensions.Options;
using ResearchBot.Configuration;

namespace ResearchBot.Storage;

/// <summary>Checks the <c>Storage</c> section at start.</summary>
public sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options) =>
        new SettingChecks(StorageOptions.Section)
            .Require(!string.IsNullOrWhiteSpace(options.Path), nameof(options.Path), "must name the store's file (or :memory:)")
            .Require(options.Path is null || options.Path.IndexOfAny(System.IO.Path.GetInvalidPathChars()) < 0, nameof(options.Path), "contains characters a path cannot hold")
            .Result();
}
