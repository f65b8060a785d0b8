using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;

namespace ResearchBot.Answering.Citations;

/// <summary>
/// Step 6: checks every [n] in an answer against the listed sources. Handles [1], [1, 3], [1,3], [1][3], [1-3] and
/// 【1】; numbers that are not sources are removed (and logged), ranges are expanded, empty brackets disappear.
/// </summary>
public static partial class CitationChecker
{
    /// <summary>Checks <paramref name="text"/> against sources 1..<paramref name="sourceCount"/>.</summary>
    public static CitationCheck Check(string text, int sourceCount, ILogger? logger = null) =>
        Check(text, Enumerable.Range(1, Math.Max(0, sourceCount)).ToHashSet(), logger);

    /// <summary>Checks <paramref name="text"/> against the source <paramref name="numbers"/> (a follow-up's sources keep their list numbers, e.g. [1] and [3]).</summary>
    public static CitationCheck Check(string text, IReadOnlySet<int> numbers, ILogger? logger = null)
    {
        var sourceCount = numbers.Count;
        var cited = new SortedSet<int>();
        var removed = new SortedSet<int>();
        var result = Group().Replace(text, m =>
        {
            var valid = new List<int>();
            foreach (var part in m.Groups["body"].Value.Split([',', ';'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                foreach (var n in Expand(part))
                {
                    if (numbers.Contains(n)) { if (!valid.Contains(n)) valid.Add(n); }
                    else removed.Add(n);
                }
            }
            foreach (var n in valid) cited.Add(n);
            return valid.Count == 0 ? "" : "[" + string.Join(", ", valid) + "]";
        });
        result = SpaceBeforePunct().Replace(result, "$1");
        result = DoubleSpace().Replace(result, " ");
        if (removed.Count > 0)
            // Information, not Warning: people never see these numbers (the stream is filtered too), so a REPL needs no line about them.
            logger?.LogInformation("Removed citations {Removed} that are not among the {Count} listed sources", string.Join(", ", removed), sourceCount);
        return new CitationCheck(result.Trim(), cited.ToList(), removed.ToList());
    }

    private static IEnumerable<int> Expand(string part)
    {
        var range = part.Split(['-', '–'], StringSplitOptions.TrimEntries);
        if (range.Length == 2 && int.TryParse(range[0], NumberStyles.None, CultureInfo.InvariantCulture, out var a)
            && int.TryParse(range[1], NumberStyles.None, CultureInfo.InvariantCulture, out var b) && b >= a && b - a < 50)
            return Enumerable.Range(a, b - a + 1);
        return int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? [n] : [];
    }

    // A bracket holding only numbers, commas, semicolons, dashes and spaces: [1], [1, 3], [2-4], 【1】.
    [GeneratedRegex(@"[\[【]\s*(?<body>\d{1,4}(?:\s*[,;\-–]\s*\d{1,4})*)\s*[\]】]")]
    private static partial Regex Group();

    [GeneratedRegex(@"[ \t]+([.,;:!?)])")]
    private static partial Regex SpaceBeforePunct();

    [GeneratedRegex(@"(?<=\S)[ \t]{2,}(?=\S)")]
    private static partial Regex DoubleSpace();
}
