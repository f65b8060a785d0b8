using System.Globalization;
using System.Text.RegularExpressions;

namespace ResearchBot.Answering.Citations;

/// <summary>
/// Numbers an answer's sources the way a reader meets them: the cited sources become [1]..[k] in the order they are
/// first cited, with no gaps, the citations in the text follow, and the uncited sources come after them.
/// </summary>
public static partial class CitationOrder
{
    /// <summary>The renumbered text, sources (cited first) and cited numbers (1..k) of a checked answer.</summary>
    public static (string Text, IReadOnlyList<AnswerSource> Sources, IReadOnlyList<int> Cited) Apply(string checkedText, IReadOnlyList<AnswerSource> sources)
    {
        var map = new Dictionary<int, int>();
        foreach (Match m in Group().Matches(checkedText))
            foreach (var n in Expand(m.Groups["body"].Value))
                if (sources.Any(s => s.N == n)) map.TryAdd(n, map.Count + 1);
        var text = Group().Replace(checkedText, m => Rewrite(m, map));
        var next = map.Count;
        var renumbered = sources.OrderBy(s => map.TryGetValue(s.N, out var to) ? to : int.MaxValue).ThenBy(s => s.N)
            .Select(s => s with { N = map.TryGetValue(s.N, out var to) ? to : ++next }).ToList();
        return (text, renumbered, Enumerable.Range(1, map.Count).ToList());
    }

    /// <summary>One citation group with its numbers mapped (ascending, each once); numbers not in the map stay as they are.</summary>
    internal static string Rewrite(Match m, IReadOnlyDictionary<int, int> map)
    {
        var numbers = Expand(m.Groups["body"].Value).Select(n => map.TryGetValue(n, out var to) ? to : n).Distinct().Order().ToList();
        return numbers.Count == 0 ? m.Value : "[" + string.Join(", ", numbers.Select(n => n.ToString(CultureInfo.InvariantCulture))) + "]";
    }

    internal static IEnumerable<int> Expand(string body)
    {
        foreach (var part in body.Split([',', ';'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var range = part.Split(['-', '–'], StringSplitOptions.TrimEntries);
            if (range.Length == 2 && int.TryParse(range[0], NumberStyles.None, CultureInfo.InvariantCulture, out var a)
                && int.TryParse(range[1], NumberStyles.None, CultureInfo.InvariantCulture, out var b) && b >= a && b - a < 50)
            {
                for (var n = a; n <= b; n++) yield return n;
            }
            else if (int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var n)) yield return n;
        }
    }

    [GeneratedRegex(@"[\[【]\s*(?<body>\d{1,4}(?:\s*[,;\-–]\s*\d{1,4})*)\s*[\]】]")]
    internal static partial Regex Group();
}
