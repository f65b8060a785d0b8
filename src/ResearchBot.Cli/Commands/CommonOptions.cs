using System.CommandLine;
using System.Globalization;

namespace ResearchBot.Cli.Commands;

/// <summary>Options several verbs share, built fresh for each command (System.CommandLine symbols have one parent).</summary>
internal static class CommonOptions
{
    /// <summary>A <c>YYYY-MM-DD</c> date option; any other value is a one-line parse error (exit 2).</summary>
    public static Option<DateOnly?> Date(string name, string description) => new(name)
    {
        Description = description,
        HelpName = "YYYY-MM-DD",
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) return day;
            result.AddError($"{name} '{text}' is not a date: use YYYY-MM-DD, e.g. 2026-11-20");
            return null;
        },
    };

    /// <summary><c>--json</c>: machine-readable output.</summary>
    public static Option<bool> Json(string description = "Write JSON instead of a table") => new("--json") { Description = description };

    /// <summary>A positive whole-number option with a default.</summary>
    public static Option<int> Positive(string name, int defaultValue, string description, int max = int.MaxValue)
    {
        var option = new Option<int>(name) { Description = description, DefaultValueFactory = _ => defaultValue, HelpName = "N" };
        option.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<int>();
            if (value < 1 || value > max)
                result.AddError(max == int.MaxValue ? $"{name} must be at least 1" : $"{name} must be between 1 and {max}");
        });
        return option;
    }
}
