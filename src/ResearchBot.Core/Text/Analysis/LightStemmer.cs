namespace ResearchBot.Text.Analysis;

/// <summary>
/// A light suffix stripper: plurals and the common verb and noun endings ("scaling", "scales", "scaled" → "scal"), and no
/// more. Digest phrase keys use it (<see cref="Stemming.Light"/>): Porter's deeper cuts merge words a theme name must
/// keep apart ("generation", "general" and "generalization" are all "gener"; "optimizer" and "optimal" both "optim").
/// </summary>
public static class LightStemmer
{
    /// <summary>The light stem of a lowercase word; words of up to three letters and words ending in a digit are kept.</summary>
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
}
