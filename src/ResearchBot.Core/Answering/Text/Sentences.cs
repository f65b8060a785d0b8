using System.Text.RegularExpressions;

namespace ResearchBot.Answering.Text;

/// <summary>Splits an abstract into sentences without breaking on "e.g.", "i.e.", "et al.", "Fig. 1" or decimals.</summary>
public static partial class Sentences
{
    private static readonly string[] Abbreviations = ["e.g.", "i.e.", "et al.", "etc.", "vs.", "fig.", "eq.", "sec.", "approx.", "no.", "cf.", "resp.", "al."];

    /// <summary>The sentences of <paramref name="text"/>, trimmed, empty ones dropped.</summary>
    public static IReadOnlyList<string> Split(string text)
    {
        var result = new List<string>();
        var t = Whitespace().Replace(text, " ").Trim();
        var start = 0;
        foreach (Match m in Boundary().Matches(t))
        {
            var end = m.Index + 1;
            var candidate = t[start..end];
            if (EndsWithAbbreviation(candidate)) continue;
            Add(result, candidate);
            start = m.Index + m.Length;
        }
        if (start < t.Length) Add(result, t[start..]);
        return result;
    }

    private static void Add(List<string> result, string sentence)
    {
        sentence = sentence.Trim();
        if (sentence.Length > 1) result.Add(sentence);
    }

    private static bool EndsWithAbbreviation(string s)
    {
        var lower = s.ToLowerInvariant();
        foreach (var a in Abbreviations)
        {
            if (lower.EndsWith(a, StringComparison.Ordinal) && (lower.Length == a.Length || !char.IsLetter(lower[^(a.Length + 1)]))) return true;
        }
        return false;
    }

    // A sentence ends at . ! or ? (optionally followed by a closing quote or bracket) before whitespace and a capital, digit, quote or bracket.
    [GeneratedRegex("""[.!?]["')\]]?\s+(?=["'(\[]?[A-Z0-9])""")]
    private static partial Regex Boundary();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
