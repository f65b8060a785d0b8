using ResearchBot.Text.Analysis;

namespace ResearchBot.Tests.Text.Analysis;

/// <summary>Words of one family the stemmer keeps apart: WordNet's derivations and a common prefix read off.</summary>
public class RelatedWordsTests
{
    private static string Stem(string word) => TextAnalyzer.Default.StemOrNull(word)!;

    [Theory]
    [InlineData("growth", "grow")]
    [InlineData("grow", "growth")]
    [InlineData("recognition", "recognize")]
    [InlineData("valuation", "value")]
    public void Derivationally_related_words_are_offered_both_ways(string word, string related)
    {
        Assert.NotEqual(Stem(word), Stem(related));
        Assert.Contains(Stem(related), RelatedWords.DerivedFrom(Stem(word)));
    }

    [Fact]
    public void Bundled_stems_are_the_word_pairs_stemmed()
    {
        var wordPairs = File.ReadAllLines(Path.Combine(RepositoryRoot(), "tools", "wordnet", "derivations.txt"));
        using var stream = typeof(RelatedWords).Assembly.GetManifestResourceStream(RelatedWords.ResourceName)!;
        var bundled = new StreamReader(stream).ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);

        var expected = RelatedWords.StemPairs(wordPairs).ToArray();

        if (!expected.SequenceEqual(bundled))
        {
            var path = Path.Combine(Path.GetTempPath(), "related-stems.txt");
            File.WriteAllLines(path, expected);
            Assert.Fail($"The bundled related-stems.txt does not match tools/wordnet/derivations.txt under the current stemmer; " +
                $"the expected table is in {path}: copy it to src/ResearchBot.Core/Text/Analysis/Data/related-stems.txt.");
        }
        Assert.True(expected.Length > 9_000);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (Directory.Exists(Path.Combine(dir.FullName, "tools", "wordnet"))) return dir.FullName;
        throw new DirectoryNotFoundException("tools/wordnet not found above " + AppContext.BaseDirectory);
    }

    [Fact]
    public void A_word_without_relatives_has_none() =>
        Assert.Empty(RelatedWords.DerivedFrom("zzyzx"));

    [Theory]
    [InlineData("autoscaling", "scaling")]
    [InlineData("multilingual", "lingual")]
    [InlineData("self-attention", "attention")]
    public void A_common_prefix_is_read_off(string word, string rest) =>
        Assert.Contains(Stem(rest), RelatedWords.WithoutPrefix(word));

    [Theory]
    [InlineData("autos")]   // the rest would be one letter
    [InlineData("rerun")]   // "run" is shorter than four letters
    [InlineData("transformer")]
    public void A_short_rest_or_no_prefix_gives_nothing(string word) =>
        Assert.Empty(RelatedWords.WithoutPrefix(word));
}
