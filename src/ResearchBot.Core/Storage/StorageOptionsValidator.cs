using Microsoft.Extensions.Options;
using ResearchBot.Configuration;
using ResearchBot.Storage.Postgres;

namespace ResearchBot.Storage;

/// <summary>Checks the <c>Storage</c> section at start.</summary>
public sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options) =>
        new SettingChecks(StorageOptions.Section)
            .Require(Enum.IsDefined(options.Provider), nameof(options.Provider), "must be Sqlite or Postgres")
            .Require(options.Provider != StorageProvider.Sqlite || !string.IsNullOrWhiteSpace(options.Path), nameof(options.Path), "must name the store's file (or :memory:)")
            .Require(options.Path is null || options.Path.IndexOfAny(System.IO.Path.GetInvalidPathChars()) < 0, nameof(options.Path), "contains characters a path cannot hold")
            .Require(options.Provider != StorageProvider.Postgres || !string.IsNullOrWhiteSpace(options.ConnectionString), nameof(options.ConnectionString),
                "must be set when Storage:Provider is Postgres (user-secrets or the Storage__ConnectionString environment variable)")
            .Require(options.Provider != StorageProvider.Postgres || string.IsNullOrWhiteSpace(options.ConnectionString) || PostgresConnectionCheck.Problem(options.ConnectionString) is null,
                nameof(options.ConnectionString), PostgresConnectionCheck.Problem(options.ConnectionString ?? "") ?? "")
            .Result();
}
