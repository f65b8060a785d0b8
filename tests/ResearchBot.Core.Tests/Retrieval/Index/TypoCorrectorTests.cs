using ResearchBot.Retrieval.Index;

namespace ResearchBot.Tests.Retrieval.Index;

public class TypoCorrectorTests
{
    private static readonly Dictionary<string, int> Vocabulary = new()
    {
        ["transform"] = 40, ["tranquil"] = 1, ["vision"] = 30, ["version"] = 5, ["quantiz"] = 12, ["retriev"] = 20,
    };

    [Theory]
    [InlineData("tranform", "transform")]
    [InlineData("vison", "vision")]
    [InlineData("quanitz", "quantiz")]
    [InlineData("retreiv", "retriev")]
    public void A_known_word_one_edit_away_is_found(string typo, string expected)
    {
        Assert.Equal(expected, new TypoCorrector(Vocabulary).Corrections(typo).First());
    }

    [Fact]
    public void Unrelated_words_have_no_correction()
    {
        Assert.Empty(new TypoCorrector(Vocabulary).Corrections("cooking"));
    }

    [Theory]
    [InlineData("abcd", "abdc", 1)]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("same", "same", 0)]
    [InlineData("vison", "vision", 1)]
    public void Distance_counts_edits_with_transpositions(string a, string b, int expected)
    {
        Assert.Equal(expected, TypoCorrector.Distance(a, b, 5));
    }

    [Fact]
    public void Distance_stops_early_above_the_maximum()
    {
        Assert.Equal(2, TypoCorrector.Distance("abcdef", "uvwxyz", 1));
    }

    [Fact]
    public void The_bucketed_lookup_finds_what_a_scan_of_the_whole_vocabulary_finds()
    {
        var random = new Random(7);
        string Word(int length) => new([.. Enumerable.Range(0, length).Select(_ => (char)('a' + random.Next(6)))]);
        var vocabulary = new Dictionary<string, int>();
        while (vocabulary.Count < 3_000) vocabulary[Word(random.Next(2, 11))] = random.Next(1, 50);
        var corrector = new TypoCorrector(vocabulary);

        foreach (var typo in Enumerable.Range(0, 300).Select(_ => Word(random.Next(3, 11))).Where(w => !vocabulary.ContainsKey(w)))
        {
            var maxEdits = typo.Length >= 8 ? 2 : 1;
            var scan = vocabulary
                .Where(kv => kv.Key.Length >= 3 && Math.Abs(kv.Key.Length - typo.Length) <= maxEdits && (kv.Key[0] == typo[0] || kv.Key[1] == typo[1]))
                .Select(kv => (kv.Key, Edits: TypoCorrector.Distance(typo, kv.Key, maxEdits), Df: kv.Value))
                .Where(x => x.Edits <= maxEdits)
                .OrderBy(x => x.Edits).ThenByDescending(x => x.Df).ThenBy(x => x.Key, StringComparer.Ordinal)
                .Take(2).Select(x => x.Key);
            Assert.Equal(scan, corrector.Corrections(typo));
        }
    }
}
