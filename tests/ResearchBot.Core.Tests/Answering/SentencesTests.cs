using ResearchBot.Answering.Text;

namespace ResearchBot.Core.Tests.Answering;

public sealed class SentencesTests
{
    [Fact]
    public void Does_not_split_on_abbreviations_or_decimals()
    {
        var sentences = Sentences.Split("Gains of 18.43% on HumanEval, e.g. for Llama3-8B. Smith et al. agree (Fig. 1b). We release code!  Is it good?");

        Assert.Equal(["Gains of 18.43% on HumanEval, e.g. for Llama3-8B.", "Smith et al. agree (Fig. 1b).", "We release code!", "Is it good?"], sentences);
    }
}
