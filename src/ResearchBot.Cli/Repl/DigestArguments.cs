using System.Globalization;
using ResearchBot.Answering.Dates;
using ResearchBot.Digest;

namespace ResearchBot.Cli.Repl;

/// <summary>
/// The REPL's <c>/digest</c> argument: nothing (the latest day), a day (<c>2026-04-28</c>), or a span in words
/// (<c>this week</c>, <c>last week</c>, <c>past 10 days</c>, <c>2026-04-20 to 2026-04-28</c>); the configured interests apply.
/// </summary>
internal static class DigestArguments
{
    /// <summary>The request <paramref name="argument"/> means; a <see cref="CliException"/> when it names no day.</summary>
    public static DigestRequest Parse(string argument, DateFilterParser dates)
    {
        if (argument.Length == 0) return new DigestRequest();
        if (DateOnly.TryParseExact(argument, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) return new DigestRequest(day);
        var filter = dates.Parse(argument.Contains(" to ", StringComparison.OrdinalIgnoreCase) && !argument.StartsWith("from ", StringComparison.OrdinalIgnoreCase)
            ? "from " + argument : argument);
        if (!filter.HasRange || filter.Text.Trim().Length > 0)
            throw new CliException($"/digest '{argument}' is not a day or a span: use YYYY-MM-DD, \"this week\" or \"2026-04-20 to 2026-04-28\"");
        var to = filter.To ?? dates.Today;
        return filter.From is { } from && from < to ? new DigestRequest(to, from) : new DigestRequest(to);
    }
}
