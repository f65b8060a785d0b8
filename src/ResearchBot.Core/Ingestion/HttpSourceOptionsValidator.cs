using Microsoft.Extensions.Options;

namespace ResearchBot.Ingestion;

/// <summary>Checks a source's settings at start (and when they are first used), with a message naming the bad key.</summary>
internal sealed class HttpSourceOptionsValidator<TOptions>(string sectionName) : IValidateOptions<TOptions>
    where TOptions : HttpSourceOptions
{
    private static readonly TimeSpan MinimumTimeout = TimeSpan.FromMilliseconds(10);

    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        var errors = new List<string>();
        if (options.BaseUrl is not { IsAbsoluteUri: true, Scheme: "http" or "https" })
            errors.Add($"{sectionName}:BaseUrl must be an absolute http or https URL (it is '{options.BaseUrl?.OriginalString}')");
        if (options.Timeout < MinimumTimeout) errors.Add($"{sectionName}:Timeout must be at least 10 ms");
        if (options.MaxRetries < 1) errors.Add($"{sectionName}:MaxRetries must be at least 1");
        if (options.RetryDelay < TimeSpan.Zero) errors.Add($"{sectionName}:RetryDelay must not be negative");
        if (options is ArxivOptions arxiv)
        {
            if (arxiv.PauseBetweenCalls < TimeSpan.Zero) errors.Add($"{sectionName}:PauseBetweenCalls must not be negative");
            if (arxiv.PageSize is < 1 or > ArxivOptions.MaxPageSize) errors.Add($"{sectionName}:PageSize must be between 1 and {ArxivOptions.MaxPageSize}");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
