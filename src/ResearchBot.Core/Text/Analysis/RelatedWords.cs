namespace ResearchBot.Text.Analysis;

/// <summary>
/// Words of one family that the stemmer keeps apart: derivationally related words from WordNet 3.0 ("grow" / "growth",
/// "recognize" / "recognition"; bundled as pairs of stems, see <c>tools/wordnet/README.md</c>) and a word with a
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

    /// <summary>The bundled stem pairs ("grow growth"), one pair a line, read into both directions.</summary>
    internal const string ResourceName = "wordnet/related-stems.txt";

    private static Dictionary<string, string[]> Load()
    {
        var related = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        using var stream = typeof(RelatedWords).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The bundled resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            var space = line.IndexOf(' ');
            if (space <= 0) continue;
            var a = line[..space];
            var b = line[(space + 1)..];
            Add(a, b);
            Add(b, a);
        }
        return related.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);

        void Add(string from, string to)
        {
            if (!related.TryGetValue(from, out var list)) related[from] = list = [];
            list.Add(to);
        }
    }

    /// <summary>
    /// The stem pairs of WordNet's word pairs (<c>tools/wordnet/derivations.txt</c>) under this analyzer: distinct, sorted,
    /// pairs whose words stem alike left out. The bundled table is this, written once (a test checks they agree).
    /// </summary>
    internal static IEnumerable<string> StemPairs(IEnumerable<string> wordPairs) =>
        wordPairs.Select(line => line.Split(' '))
            .Where(p => p.Length == 2)
            .Select(p => (A: TextAnalyzer.Default.StemOrNull(p[0]), B: TextAnalyzer.Default.StemOrNull(p[1])))
            .Where(p => p.A is not null && p.B is not null && p.A != p.B)
            .Select(p => string.CompareOrdinal(p.A, p.B) < 0 ? $"{p.A} {p.B}" : $"{p.B} {p.A}")
            .Distinct()
            .Order(StringComparer.Ordinal);
}
