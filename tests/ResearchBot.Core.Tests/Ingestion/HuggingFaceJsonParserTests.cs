using ResearchBot.Ingestion;
using ResearchBot.Papers;

namespace ResearchBot.Tests.Ingestion;

public class HuggingFaceJsonParserTests
{
    private static readonly ParseContext Context = new("hf.json", null, new DateOnly(2026, 11, 23));
    private readonly HuggingFaceJsonParser _parser = new();

    [Fact]
    public void Daily_papers_items_become_papers_with_arxiv_ids_and_machine_fields_apart()
    {
        var papers = _parser.Parse(FixtureFiles.Read("hf-daily-2026-11-20.json"), Context);

        Assert.Equal(3, papers.Count);
        var smore = papers[0];
        Assert.Equal("2611.14512", smore.Id);
        Assert.Equal("Sparse Mixture of Retrievers for Long-Context Question Answering", smore.Title);
        Assert.StartsWith("We study retrieval for questions whose evidence is spread over hundreds of pages.", smore.Abstract);
        Assert.DoesNotContain("router", smore.Abstract);
        Assert.Equal("A router picks a few specialised retrievers per query, raising recall on long documents.", smore.AiSummary);
        Assert.Equal(["mixture of retrievers", "long-context QA", "routing"], smore.AiKeywords);
        Assert.Equal(["Mei Lin", "Jonas Weber", "Priya Raman"], smore.Authors);
        Assert.Equal(3, smore.AuthorCount);
        Assert.Equal(new DateOnly(2026, 11, 18), smore.Published);
        Assert.Equal(42, smore.Upvotes);
        Assert.Equal("https://huggingface.co/papers/2611.14512", smore.Url);
        Assert.Equal([new Listing(new DateOnly(2026, 11, 20), "hf-daily")], smore.Listings);
    }

    [Fact]
    public void Latex_titles_are_simplified_and_missing_machine_fields_stay_empty()
    {
        var papers = _parser.Parse(FixtureFiles.Read("hf-daily-2026-11-20.json"), Context);
        Assert.Equal("u-μP Revisited: Unit Scaling for Mixture-of-Experts", papers[1].Title);
        Assert.Null(papers[2].AiSummary);
        Assert.Empty(papers[2].AiKeywords);
        Assert.Null(papers[2].AuthorCount);
    }

    [Fact]
    public void The_requested_day_wins_over_the_items_date()
    {
        var day = new DateOnly(2026, 11, 21);
        var papers = _parser.Parse(FixtureFiles.Read("hf-daily-2026-11-20.json"), Context with { DateOverride = day });
        Assert.All(papers, p => Assert.Equal([new Listing(day, "hf-daily")], p.Listings));
    }

    [Fact]
    public void Search_results_and_bare_paper_objects_parse()
    {
        var papers = _parser.Parse(FixtureFiles.Read("hf-search-retrieval.json"), Context);
        Assert.Equal(["2312.10997", "2005.11401"], papers.Select(p => p.Id));
        Assert.Equal("A survey of retrieval-augmented generation paradigms.", papers[0].AiSummary);
        Assert.Equal(["Patrick Lewis"], papers[1].Authors);
        Assert.Equal(new DateOnly(2020, 5, 22), papers[1].Published);
        Assert.Empty(papers[1].Listings);
    }

    [Fact]
    public void Truncated_json_is_a_format_error()
    {
        var content = FixtureFiles.Read("hf-daily-2026-11-20.json");
        var ex = Assert.Throws<PaperFormatException>(() => _parser.Parse(content[..(content.Length / 2)], Context));
        Assert.StartsWith("truncated or broken JSON at line", ex.Message);
    }
}
