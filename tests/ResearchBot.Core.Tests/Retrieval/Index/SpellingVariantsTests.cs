using ResearchBot.Retrieval.Index;

namespace ResearchBot.Tests.Retrieval.Index;

/// <summary>British and American spellings of one stem.</summary>
public class SpellingVariantsTests
{
    [Theory]
    [InlineData("quantis", "quantiz")]
    [InlineData("quantiz", "quantis")]
    [InlineData("optimis", "optimiz")]
    [InlineData("analys", "analyz")]
    [InlineData("colour", "color")]
    [InlineData("behavior", "behaviour")]
    public void The_other_spelling_is_offered(string stem, string other) =>
        Assert.Contains(other, SpellingVariants.Of(stem));

    [Theory]
    [InlineData("model")]
    [InlineData("transform")]
    [InlineData("sampl")]
    public void A_word_without_such_a_spelling_has_none(string stem) =>
        Assert.Empty(SpellingVariants.Of(stem));
}
