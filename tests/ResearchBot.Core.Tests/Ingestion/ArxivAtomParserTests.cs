using ResearchBot.Ingestion;
using ResearchBot.Papers;

namespace ResearchBot.Tests.Ingestion;

public class ArxivAtomParserTests
{
    private static readonly ParseContext Context = new("arxiv.xml", null, new DateOnly(2026, 11, 23));
    private readonly ArxivAtomParser _parser = new();

    [Fact]
    public void Entries_become_papers_with_collapsed_whitespace_and_abs_links()
    {
        var papers = _parser.Parse(FixtureFiles.Read("arxiv-cs-cl-page1.xml"), Context);

        Assert.Equal(2, papers.Count);
        var first = papers[0];
        Assert.Equal("2611.14512", first.Id);
        Assert.Equal("Sparse Mixture of Retrievers for Long-Context Question Answering", first.Title);
        Assert.Equal("We study retrieval for questions whose evidence is spread over hundreds of pages. A sparse mixture of retrievers routes each query to a few specialised indexes.", first.Abstract);
        Assert.Equal(["Mei Lin", "Jonas Weber", "Priya Raman"], first.Authors);
        Assert.Equal(new DateOnly(2026, 11, 18), first.Published);
        Assert.Equal("https://arxiv.org/abs/2611.14512", first.Url);
        Assert.Empty(first.Listings);
        Assert.Null(first.AiSummary);
    }

    [Fact]
    public void Old_style_ids_are_kept_and_a_date_override_adds_an_arxiv_listing()
    {
        var day = new DateOnly(2026, 11, 20);
        var paper = _parser.Parse(FixtureFiles.Read("arxiv-cs-cl-page3.xml"), Context with { DateOverride = day }).Single();
        Assert.Equal("cs/0101001", paper.Id);
        Assert.Equal("https://arxiv.org/abs/cs/0101001", paper.Url);
        Assert.Equal([new Listing(day, "arxiv")], paper.Listings);
    }

    [Fact]
    public void An_api_error_feed_is_a_format_error_with_the_reason()
    {
        var ex = Assert.Throws<PaperFormatException>(() => _parser.Parse(FixtureFiles.Read("arxiv-error.xml"), Context));
        Assert.Equal("arXiv API error: max_results must be non-negative", ex.Message);
    }

    [Fact]
    public void Broken_xml_is_a_format_error()
    {
        var content = FixtureFiles.Read("arxiv-cs-cl-page2.xml");
        var ex = Assert.Throws<PaperFormatException>(() => _parser.Parse(content[..(content.Length - 40)], Context));
        Assert.StartsWith("truncated or broken XML", ex.Message);
    }
}
