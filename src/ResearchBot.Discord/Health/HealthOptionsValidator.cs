using Microsoft.Extensions.Options;

namespace ResearchBot.Discord.Health;

/// <summary>Checks <see cref="HealthOptions.Url"/> at start.</summary>
public sealed class HealthOptionsValidator : IValidateOptions<HealthOptions>
{
    public ValidateOptionsResult Validate(string? name, HealthOptions options) =>
        !options.Enabled || Uri.TryCreate(options.Url, UriKind.Absolute, out var url) && url.Scheme == "http" && url.AbsolutePath == "/"
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Health:Url must be empty (off) or an http URL without a path such as http://127.0.0.1:8080, not '{options.Url}'");
}
