using ResearchBot.Papers;

namespace ResearchBot.Tests.Papers;

public class PaperTests
{
    [Fact]
    public void Date_is_the_first_listing_day_else_the_published_date()
    {
        var paper = new Paper { Id = "x", Title = "T", Published = new DateOnly(2026, 1, 5) };
        Assert.Equal(new DateOnly(2026, 1, 5), paper.Date);
        var listed = paper with { Listings = [new Listing(new DateOnly(2026, 3, 2), "page"), new Listing(new DateOnly(2026, 2, 1), "arxiv")] };
        Assert.Equal(new DateOnly(2026, 2, 1), listed.Date);
        Assert.Null(new Paper { Id = "y", Title = "T" }.Date);
    }

    [Fact]
    public void The_title_key_ignores_typesetting()
    {
        var a = new Paper { Id = "a", Title = @"Inference Scaling $\scriptsize\mathtt{F}$Laws" };
        var b = new Paper { Id = "b", Title = "Inference scaling scriptsizeFLaws" };
        Assert.Equal(a.TitleKey, b.TitleKey);
        Assert.Equal("inferencescalingflaws", a.TitleKey);
    }
}
