using ResearchBot.Cli.Output;

namespace ResearchBot.Cli.Tests;

/// <summary>How streamed answer text becomes terminal markup with the citations highlighted.</summary>
public sealed class CitationMarkupTests
{
    [Fact]
    public void Citations_are_highlighted_and_other_brackets_are_escaped()
    {
        Assert.Equal("Sparse [[attention]] helps [bold cyan][[1]][/] and [bold cyan][[2, 3]][/].",
            CitationMarkup.Format("Sparse [attention] helps [1] and [2, 3]."));
    }

    [Fact]
    public void A_citation_split_across_streamed_pieces_is_held_back_until_it_is_whole()
    {
        var markup = new CitationMarkup();

        var first = markup.Push("Pruning works [1");
        var second = markup.Push("2] well [");
        var rest = markup.Flush();

        Assert.Equal("Pruning works ", first);
        Assert.Equal("[bold cyan][[12]][/] well ", second);
        Assert.Equal("[[", rest);
    }
}
