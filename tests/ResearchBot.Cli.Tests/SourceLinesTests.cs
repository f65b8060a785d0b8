using ResearchBot.Answering;
using ResearchBot.Cli.Output;

namespace ResearchBot.Cli.Tests;

/// <summary>How one numbered source is written: plain when piped, markup on a terminal.</summary>
public sealed class SourceLinesTests
{
    private static readonly AnswerSource Source = new(2, "t-1", "MiniCache: KV [Cache]", "https://huggingface.co/papers?q=MiniCache", new DateOnly(2026, 9, 2));

    [Fact]
    public void Piped_the_line_is_plain_with_the_link_after_the_date()
    {
        Assert.Equal("[2] MiniCache: KV [Cache] (2026-09-02) https://huggingface.co/papers?q=MiniCache", SourceLines.Plain(Source));
    }

    [Fact]
    public void On_a_terminal_that_shows_hyperlinks_the_title_is_the_link()
    {
        var markup = SourceLines.Markup(Source, links: true);

        Assert.Contains("[link=https://huggingface.co/papers?q=MiniCache]MiniCache: KV [[Cache]][/]", markup);
        Assert.Equal(1, markup.Split("[link=").Length - 1);
    }

    [Fact]
    public void On_a_terminal_without_hyperlinks_the_link_follows_the_title()
    {
        var markup = SourceLines.Markup(Source, links: false);

        Assert.StartsWith("[bold cyan][[2]][/] MiniCache: KV [[Cache]]", markup);
        Assert.EndsWith("[link=https://huggingface.co/papers?q=MiniCache]https://huggingface.co/papers?q=MiniCache[/]", markup);
    }
}
