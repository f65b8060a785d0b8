using ResearchBot.Retrieval.Index;

namespace ResearchBot.Tests.Retrieval.Index;

public class TypoPolicyTests
{
    [Fact]
    public void Words_keep_their_case_except_a_capitalised_first_word_of_a_sentence()
    {
        var words = TypoPolicy.Words("Which papers improve AlphaFold's accuracy? Quantization in Kyoto, GPT4 and YOLO. Zero-shot");

        Assert.Equal(["which", "papers", "improve", "AlphaFold", "s", "accuracy", "quantization", "in", "Kyoto", "GPT4", "and", "YOLO", "zero", "shot"], words);
    }

    [Theory]
    [InlineData("tranformer", true)]
    [InlineData("vison", true)]
    [InlineData("AlphaFold", false)]
    [InlineData("Kyoto", false)]
    [InlineData("YOLO", false)]
    [InlineData("gpt4", false)]
    [InlineData("llama3", false)]
    public void Only_plain_lowercase_words_may_be_corrected(string word, bool expected)
    {
        Assert.Equal(expected, TypoPolicy.MayCorrect(word));
    }
}
