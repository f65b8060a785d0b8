using System.Text.RegularExpressions;

namespace ResearchBot.Answering.Text;

/// <summary>Content words of a text, lowercased and lightly stemmed ("models" and "modeling" → "model"), stop words dropped.</summary>
public static partial class Terms
{
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "and", "or", "but", "if", "of", "to", "in", "on", "for", "with", "by", "from", "at", "as", "into", "via", "about",
        "is", "are", "was", "were", "be", "been", "being", "do", "does", "did", "has", "have", "had", "can", "could", "should", "would", "will",
        "may", "might", "must", "shall", "it", "its", "they", "their", "them", "this", "that", "these", "those", "there", "here", "we", "our",
        "us", "you", "your", "i", "me", "my", "he", "she", "his", "her", "which", "what", "who", "whom", "whose", "when", "where", "why", "how",
        "paper", "papers", "work", "works", "study", "studies", "any", "some", "such", "than", "then", "so", "not", "no", "also", "more", "most",
        "other", "over", "under", "between", "both", "each", "all", "only", "own", "same", "very", "just", "way", "use", "used", "using",
        "there", "existing", "new", "propose", "proposes", "proposed", "present", "introduce", "approach", "method", "methods", "show", "shows",
        "without", "while", "across", "through", "based", "well", "up", "out", "one", "two", "e", "g", "i.e", "e.g", "etc", "et", "al", "vs",
        "tell", "find", "give", "get", "make", "want", "need", "something", "anything", "thing", "things", "lot", "many", "much",
    };

    /// <summary>The stemmed content words of <paramref name="text"/>, in order, with repeats.</summary>
    public static List<string> Of(string text)
    {
        var result = new List<string>();
        foreach (Match m in Word().Matches(text.ToLowerInvariant()))
        {
            var w = m.Value.Trim('-');
            if (w.Length < 2 || StopWords.Contains(w)) continue;
            var s = Stem(w);
            if (s.Length >= 2 && !StopWords.Contains(s)) result.Add(s);
        }
        return result;
    }

    /// <summary>A light suffix stripper: plural and common verb/noun endings, enough to match "scaling"/"scales"/"scaled".</summary>
    public static string Stem(string w)
    {
        if (w.Length <= 3 || char.IsDigit(w[^1])) return w;
        foreach (var (suffix, keep) in Suffixes)
        {
            if (w.Length - suffix.Length >= 3 && w.EndsWith(suffix, StringComparison.Ordinal))
                return Undouble(w[..^suffix.Length] + keep);
        }
        return w;
    }

    private static readonly (string Suffix, string Keep)[] Suffixes =
    [
        ("ational", "ate"), ("ization", "ize"), ("ations", "ate"), ("ation", "ate"), ("nesses", ""), ("ness", ""), ("ments", ""), ("ment", ""),
        ("ities", ""), ("ity", ""), ("ically", "ic"), ("ingly", ""), ("ings", ""), ("ing", ""), ("ied", "y"), ("ies", "y"), ("edly", ""),
        ("ed", ""), ("ers", ""), ("er", ""), ("ly", ""), ("sses", "ss"), ("ss", "ss"), ("us", "us"), ("is", "is"), ("es", ""), ("s", ""), ("e", ""),
    ];

    private static string Undouble(string w) =>
        w.Length > 3 && w[^1] == w[^2] && w[^1] is not ('l' or 's' or 'z') && !char.IsDigit(w[^1]) ? w[..^1] : w;

    [GeneratedRegex(@"[\p{L}\p{N}][\p{L}\p{N}\-]*")]
    private static partial Regex Word();
}
