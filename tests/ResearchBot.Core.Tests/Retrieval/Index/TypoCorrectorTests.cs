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
        Assert.Equal(expected, TypoCorrector.Corrections(typo, Vocabulary).First());
    }

    [Fact]
    public void Unrelated_words_have_no_correction()
    {
        Assert.Empty(TypoCorrector.Corrections("cooking", Vocabulary));
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
}
