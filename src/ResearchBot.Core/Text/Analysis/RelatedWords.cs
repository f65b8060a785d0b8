namespace ResearchBot.Text.Analysis;

/// <summary>
/// Words of one family that the stemmer keeps apart: derivationally related words from WordNet 3.0 ("grow" / "growth",
/// "value" / "valuation", "optical" / "optics"; bundled, written by <c>tools/wordnet/derivations.py</c>) and a word with a
/// common prefix read without it ("autoscaling" / "scaling", "multilingual" / "lingual"). They are related words, not the
/// word itself: search and relevance give them partial credit, as they do a typo correction.
/// </summary>
public static class RelatedWords
{
    private static readonly Lazy<Dictionary<string, string[]>> Derivations = new(Load);

    /// <summary>Prefixes that make compounds of a word that stands on its own ("auto" + "scaling").</summary>
    private static readonly string[] Prefixes =
    [
        "auto", "multi", "self", "pre", "post", "re", "non", "co", "sub", "super", "over", "under", "cross", "inter", "intra",
        "semi", "meta", "hyper", "micro", "mini", "mega", "pseudo", "anti", "de", "un", "mis", "out", "up",
    ];

    /// <summary>Starts reading the bundled table on the thread pool, so the first question does not wait for it.</summary>
    public static void LoadInBackground()
    {
        if (!Derivations.IsValueCreated) _ = Task.Run(() => Derivations.Value);
    }

    /// <summary>The stems derivationally related to the stem <paramref name="stem"/> (WordNet), possibly none.</summary>
    public static IReadOnlyList<string> DerivedFrom(string stem) =>
        Derivations.Value.TryGetValue(stem, out var related) ? related : [];

    /// <summary>
    /// The stems of <paramref name="word"/> (a lowercase word) read without a common prefix: "autoscaling" gives "scale"'s
    /// stem. The rest must be a word of at least four letters.
    /// </summary>
    public static IEnumerable<string> WithoutPrefix(string word)
    {
        foreach (var prefix in Prefixes)
        {
            if (word.Length < prefix.Length + 4 || !word.StartsWith(prefix, StringComparison.Ordinal)) continue;
            var rest = word.AsSpan(prefix.Length);
            if (rest[0] == '-') rest = rest[1..];
            if (rest.Length >= 4 && TextAnalyzer.Default.StemOrNull(rest) is { } stem) yield return stem;
        }
    }

    private static Dictionary<string, string[]> Load()
    {
        var related = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        using var stream = typeof(RelatedWords).Assembly.GetManifestResourceStream("wordnet/derivations.txt")
            ?? throw new InvalidOperationException("The bundled resource wordnet/derivations.txt is missing.");
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            var space = line.IndexOf(' ');
            if (space <= 0) continue;
            var a = TextAnalyzer.Default.StemOrNull(line.AsSpan(0, space));
            var b = TextAnalyzer.Default.StemOrNull(line.AsSpan(space + 1));
            if (a is null || b is null || a == b) continue;
            Add(a, b);
            Add(b, a);
        }
        return related.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);

        void Add(string from, string to)
        {
            if (!related.TryGetValue(from, out var set)) related[from] = set = new HashSet<string>(StringComparer.Ordinal);
            set.Add(to);
        }
    }
}
