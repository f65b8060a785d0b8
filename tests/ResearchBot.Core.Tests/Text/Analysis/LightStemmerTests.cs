using ResearchBot.Text.Analysis;

namespace ResearchBot.Tests.Text.Analysis;

public class LightStemmerTests
{
    [Theory]
    [InlineData("scaling", "scal")]
    [InlineData("scales", "scal")]
    [InlineData("scaled", "scal")]
    [InlineData("caches", "cach")]
    [InlineData("memories", "memory")]
    [InlineData("generalization", "generalize")]
    [InlineData("optimizer", "optimiz")]
    [InlineData("evaluation", "evaluate")]
    public void Strips_one_common_ending(string word, string stem) => Assert.Equal(stem, LightStemmer.Stem(word));

    [Theory]
    [InlineData("kv")]
    [InlineData("gpt4")]
    [InlineData("llama3")]
    [InlineData("bus")]
    public void Short_words_and_words_ending_in_a_digit_are_kept(string word) => Assert.Equal(word, LightStemmer.Stem(word));
}
