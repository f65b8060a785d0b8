using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace ResearchBot.Cli;

/// <summary>
/// Checks the <c>Logging</c> section before logging is built: an unknown level (<c>Logging:LogLevel:Default=Loud</c>) would
/// otherwise crash the host with an unhandled exception that does not name the key.
/// </summary>
internal static class LoggingSettings
{
    public static void Check(IConfiguration configuration)
    {
        var bad = configuration.GetSection("Logging").AsEnumerable()
            .Where(e => e.Value is not null && IsLevelKey(e.Key))
            .Where(e => !Enum.TryParse<LogLevel>(e.Value, ignoreCase: true, out var level) || !Enum.IsDefined(level))
            .Select(e => $"{e.Key}: '{e.Value}' is not one of {string.Join(", ", Enum.GetNames<LogLevel>())}")
            .ToList();
        if (configuration[FormatterKey] is { Length: > 0 } formatter && !formatter.Equals("text", StringComparison.OrdinalIgnoreCase) && !formatter.Equals("json", StringComparison.OrdinalIgnoreCase))
            bad.Add($"{FormatterKey}: '{formatter}' is not one of text, json");
        if (bad.Count > 0) throw new CliException("configuration: " + string.Join("; ", bad), CliApp.ExitUsage);
    }

    private const string FormatterKey = "Logging:Console:FormatterName";

    /// <summary>True when <c>Logging:Console:FormatterName</c> is <c>json</c>: one JSON object per log line, for containers.</summary>
    public static bool WantsJson(IConfiguration configuration) =>
        string.Equals(configuration[FormatterKey], "json", StringComparison.OrdinalIgnoreCase);

    /// <summary>Logging:LogLevel:CATEGORY or Logging:PROVIDER:LogLevel:CATEGORY.</summary>
    private static bool IsLevelKey(string key)
    {
        var parts = key.Split(':');
        return parts.Length >= 3 && (parts[1].Equals("LogLevel", StringComparison.OrdinalIgnoreCase)
            || (parts.Length >= 4 && parts[2].Equals("LogLevel", StringComparison.OrdinalIgnoreCase)));
    }
}
