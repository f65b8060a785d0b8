using ResearchBot.Papers;

namespace ResearchBot.Tests.Papers;

public class PaperIdTests
{
    [Fact]
    public void Title_ids_are_stable_prefixed_and_short()
    {
        var id = PaperId.FromTitle("Diffusion Models Beat GANs on Image Synthesis");
        Assert.Equal(id, PaperId.FromTitle("diffusion models beat GANs on image synthesis!"));
        Assert.StartsWith("t-", id);
        Assert.Equal(14, id.Length);
        Assert.NotEqual(id, PaperId.FromTitle("Diffusion Models Beat GANs on Video Synthesis"));
    }

    [Theory]
    [InlineData("cs/0101001v3", "cs/0101001")]
    [InlineData("http://arxiv.org/abs/hep-th/9901001", "hep-th/9901001")]
    [InlineData("2401.1234", "2401.1234")]
    [InlineData("12401.12345", null)]
    [InlineData("", null)]
    public void Arxiv_ids_are_recognized_in_both_styles(string text, string? expected)
    {
        Assert.Equal(expected, PaperId.TryArxiv(text));
    }

    [Fact]
    public void Arxiv_urls_are_given_only_for_bare_arxiv_ids()
    {
        Assert.Equal("https://arxiv.org/abs/2401.12345", PaperId.ArxivUrl("2401.12345"));
        Assert.Null(PaperId.ArxivUrl("t-0123456789ab"));
        Assert.Null(PaperId.ArxivUrl("2401.12345v2"));
    }
}
