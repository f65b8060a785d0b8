using ResearchBot.Papers;

namespace ResearchBot.Tests.Papers;

public class TitleKeyTests
{
    [Fact]
    public void The_same_title_typeset_two_ways_has_one_key()
    {
        var latex = @"Inference Scaling $\scriptsize\mathtt{F}$Laws: The Limits of LLM Resampling with Imperfect Verifiers";
        var plain = "Inference Scaling scriptsizeFLaws: The Limits of LLM Resampling with Imperfect Verifiers";
        Assert.Equal(TitleKey.Of(latex), TitleKey.Of(plain));
        Assert.Equal(PaperId.FromTitle(latex), PaperId.FromTitle(plain));
        Assert.Equal("Inference Scaling FLaws: The Limits of LLM Resampling with Imperfect Verifiers", TitleKey.Display(latex));
    }

    [Fact]
    public void Mu_is_read_as_mu()
    {
        Assert.Equal(TitleKey.Of("u-muP: The Unit-Scaled Maximal Update Parametrization"), TitleKey.Of("u-$μ$P: The Unit-Scaled Maximal Update Parametrization"));
    }

    [Fact]
    public void Titles_without_latin_letters_keep_distinct_keys_and_ids()
    {
        Assert.NotEqual(TitleKey.Of("注意力机制"), TitleKey.Of("扩散模型"));
        Assert.NotEqual(PaperId.FromTitle("注意力机制"), PaperId.FromTitle("扩散模型"));
        Assert.Equal(TitleKey.Of("扩散模型"), TitleKey.Of(" 扩散 模型! "));
    }

    [Theory]
    [InlineData("http://arxiv.org/abs/2401.12345v2", "2401.12345")]
    [InlineData("2502.01234", "2502.01234")]
    [InlineData("https://huggingface.co/papers/2410.00001", "2410.00001")]
    [InlineData("no id here", null)]
    public void Arxiv_ids_are_extracted_without_version(string text, string? expected)
    {
        Assert.Equal(expected, PaperId.TryArxiv(text));
    }

    [Fact]
    public void Accents_fold_so_both_spellings_are_one_paper()
    {
        Assert.Equal(TitleKey.Of("Schrödinger Bridges for Naïve Diffusion"), TitleKey.Of("Schrodinger Bridges for Naive Diffusion"));
    }

    [Fact]
    public void Ordinary_words_that_look_like_markup_are_kept()
    {
        Assert.NotEqual(TitleKey.Of("Small Language Models Are Also Few-Shot Learners"), TitleKey.Of("Large Language Models Are Also Few-Shot Learners"));
        Assert.Contains("emphasis", TitleKey.Of("An Emphasis on Tiny Details"));
    }
}
