using System.Globalization;
using System.Text.RegularExpressions;

namespace ResearchBot.Answering.Condensing;

/// <summary>
/// Replaces citation markers in a conversation turn with the titles they point at ("Keyformer [1]" becomes
/// "Keyformer (Keyformer: KV Cache Reduction …)"), so a model rewriting a follow-up knows what "[1]" was.
/// </summary>
public static partial class CitationTitles
{
    private const int MaxTitle = 100;

    /// <summary><paramref name="text"/> with every [n] of <paramref name="sources"/> replaced by its title; numbers not among them stay.</summary>
    public static string Replace(string text, IReadOnlyList<AnswerSource>? sources)
    {
        if (sources is null || sources.Count == 0) return text;
        return Group().Replace(text, m =>
        {
            var titles = new List<string>();
            foreach (var part in m.Groups["body"].Value.Split([',', ';'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                var title = int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? sources.FirstOrDefault(s => s.N == n)?.Title : null;
                if (title is null) return m.Value;
                titles.Add(title.Length > MaxTitle ? title[..MaxTitle].TrimEnd() + "…" : title);
            }
            return "(" + string.Join("; ", titles) + ")";
        });
    }

    [GeneratedRegex(@"[\[【]\s*(?<body>\d{1,4}(?:\s*[,;]\s*\d{1,4})*)\s*[\]】]")]
    private static partial Regex Group();
}
