using ResearchBot.Papers;
using ResearchBot.Storage;

namespace ResearchBot.Tests.Storage;

public class PaperMergerTests
{
    private static readonly DateOnly Nov1 = new(2026, 11, 1), Nov2 = new(2026, 11, 2);

    [Fact]
    public void An_arxiv_id_replaces_a_title_id_but_not_the_other_way()
    {
        var titled = new Paper { Id = "t-0123456789ab", Title = "Some Paper" };
        var arxiv = titled with { Id = "2411.00001" };
        Assert.Equal("2411.00001", PaperMerger.Merge(titled, arxiv).Id);
        Assert.Equal("2411.00001", PaperMerger.Merge(arxiv, titled).Id);
    }

    [Fact]
    public void A_title_without_markup_wins()
    {
        var latex = new Paper { Id = "a", Title = @"Inference Scaling scriptsize mathtt FLaws" };
        var clean = latex with { Title = "Inference Scaling FLaws" };
        Assert.Equal("Inference Scaling FLaws", PaperMerger.Merge(latex, clean).Title);
        Assert.Equal("Inference Scaling FLaws", PaperMerger.Merge(clean, latex).Title);
    }

    [Fact]
    public void Richer_values_win_and_listings_unite_in_day_order()
    {
        var a = new Paper
        {
            Id = "a", Title = "T", Abstract = "Short.", AuthorCount = 9, Upvotes = 3, Url = "https://huggingface.co/papers/x",
            AiSummary = "first summary", Listings = [new Listing(Nov2, "page")],
        };
        var b = new Paper
        {
            Id = "a", Title = "T", Abstract = "A longer abstract.", Authors = ["A", "B"], Upvotes = 10, Url = "https://arxiv.org/abs/2411.00001",
            AiSummary = "second summary", AiKeywords = ["k"], Published = Nov1, Listings = [new Listing(Nov1, "arxiv"), new Listing(Nov2, "page")],
        };

        var m = PaperMerger.Merge(a, b);

        Assert.Equal("A longer abstract.", m.Abstract);
        Assert.Equal(["A", "B"], m.Authors);
        Assert.Equal(9, m.AuthorCount);
        Assert.Equal(10, m.Upvotes);
        Assert.Equal("https://arxiv.org/abs/2411.00001", m.Url);
        Assert.Equal("first summary", m.AiSummary);
        Assert.Equal(["k"], m.AiKeywords);
        Assert.Equal(Nov1, m.Published);
        Assert.Equal([new Listing(Nov1, "arxiv"), new Listing(Nov2, "page")], m.Listings);
    }

    [Fact]
    public void Merging_a_paper_with_itself_is_the_same_content()
    {
        var p = new Paper { Id = "a", Title = "T", Abstract = "x", Authors = ["A"], AuthorCount = 1, Listings = [new Listing(Nov1, "page")] };
        Assert.True(PaperMerger.SameContent(p, PaperMerger.Merge(p, p)));
        Assert.False(PaperMerger.SameContent(p, p with { Upvotes = 1 }));
    }
}
