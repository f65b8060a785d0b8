using ResearchBot.Ingestion;
using ResearchBot.Papers;

namespace ResearchBot.Tests.Ingestion;

public class DailyPageParserTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);
    private readonly DailyPageParser _parser = new();

    private IReadOnlyList<Paper> Parse(string content, DateOnly? date = null, DateOnly? today = null) =>
        _parser.Parse(content, new ParseContext("page.txt", date, today ?? Today));

    [Fact]
    public void Every_seed_page_parses_to_its_expected_count()
    {
        var counts = FixtureFiles.SeedPages.Select(p => Parse(File.ReadAllText(p)).Count).ToList();
        Assert.Equal([12, 57, 107, 79, 61], counts);
    }

    [Fact]
    public void An_abstract_of_a_hundred_thousand_lines_is_read_whole()
    {
        // Joining the lines one string at a time copied the abstract once a line: minutes for a 20 MB page.
        var lines = Enumerable.Range(0, 100_000).Select(i => $"Sentence {i} of an abstract that goes on and on.");
        var page = "Daily Papers\nA Title Of A Paper\n" + string.Join('\n', lines);

        var paper = Assert.Single(Parse(page));

        Assert.StartsWith("Sentence 0 of", paper.Abstract);
        Assert.EndsWith("Sentence 99999 of an abstract that goes on and on.", paper.Abstract);
    }

    [Fact]
    public void The_seed_pages_hold_262_distinct_papers()
    {
        var papers = FixtureFiles.SeedPages.SelectMany(p => Parse(File.ReadAllText(p))).ToList();
        Assert.Equal(12 + 57 + 107 + 79 + 61, papers.Count);
        Assert.Equal(262, papers.Select(p => p.TitleKey).Distinct().Count());
        Assert.Equal(262, papers.Select(p => p.Id).Distinct().Count());
    }

    [Fact]
    public void Every_seed_page_is_detected_as_a_daily_page()
    {
        Assert.All(FixtureFiles.SeedPages, p => Assert.True(_parser.CanParse(File.ReadAllText(p)), p));
    }

    [Fact]
    public void Subscribe_glued_to_the_first_title_is_dropped_and_latex_is_simplified()
    {
        var papers = Parse(File.ReadAllText(FixtureFiles.SeedPages[0]));
        Assert.Equal("LightOn Optical Processing Unit: Scaling-up AI and HPC with a Non von Neumann co-processor", papers[0].Title);
        Assert.Contains(papers, p => p.Title == "Inference Scaling FLaws: The Limits of LLM Resampling with Imperfect Verifiers");
        Assert.All(papers, p => Assert.Null(p.Url));
        Assert.All(papers, p => Assert.StartsWith("t-", p.Id));
    }

    [Fact]
    public void A_page_without_a_date_has_no_listing_unless_a_date_is_given()
    {
        var page = File.ReadAllText(FixtureFiles.SeedPages[0]);
        Assert.All(Parse(page), p => Assert.Empty(p.Listings));
        var day = new DateOnly(2026, 11, 20);
        Assert.All(Parse(page, day), p => Assert.Equal([new Listing(day, "page")], p.Listings));
    }

    [Fact]
    public void The_page_date_takes_the_latest_year_not_in_the_future()
    {
        var page = File.ReadAllText(FixtureFiles.SeedPages[1]); // "Apr 28"
        Assert.Equal(new DateOnly(2026, 4, 28), Parse(page)[0].Listings.Single().Day);
        Assert.Equal(new DateOnly(2025, 4, 28), Parse(page, today: new DateOnly(2026, 4, 27)).First().Listings.Single().Day);
        Assert.Equal(new DateOnly(2026, 4, 28), Parse(page, today: new DateOnly(2026, 4, 28)).First().Listings.Single().Day);
    }

    [Fact]
    public void The_date_override_wins_over_the_page_date()
    {
        var day = new DateOnly(2026, 11, 20);
        var papers = Parse(File.ReadAllText(FixtureFiles.SeedPages[2]), day);
        Assert.All(papers, p => Assert.Equal(day, p.Listings.Single().Day));
        Assert.All(papers, p => Assert.Equal("page", p.Listings.Single().Source));
    }

    [Fact]
    public void Metadata_lines_give_author_count_published_date_and_upvotes()
    {
        var papers = Parse(File.ReadAllText(FixtureFiles.SeedPages[1]));
        var cad = papers.Single(p => p.Title.StartsWith("Efficient Long-context Language Model Training by Core Attention", StringComparison.Ordinal));
        Assert.Equal(9, cad.AuthorCount);
        Assert.Equal(new DateOnly(2025, 10, 20), cad.Published);
        Assert.Equal(5, cad.Upvotes);

        var flash = papers.Single(p => p.Title.StartsWith("FlashMoE", StringComparison.Ordinal));
        Assert.Equal(3, flash.AuthorCount);
        Assert.Equal(new DateOnly(2025, 6, 5), flash.Published);
        Assert.Null(flash.Upvotes);

        var bias = papers.Single(p => p.Title.StartsWith("Bias Dynamics in BabyLMs", StringComparison.Ordinal));
        Assert.Equal(new DateOnly(2026, 1, 14), bias.Published); // "Jan 14": the year of the page date, Apr 28 2026
    }

    [Fact]
    public void A_submitter_line_before_the_dot_is_not_a_paper()
    {
        var papers = Parse(File.ReadAllText(FixtureFiles.SeedPages[1]));
        Assert.DoesNotContain(papers, p => p.Title is "deepseek-ai DeepSeek" or "internlm Intern Large Models" or "facebook AI at Meta");
        var art = papers.Single(p => p.Title == "The Art of Scaling Reinforcement Learning Compute for LLMs");
        Assert.Equal(new DateOnly(2025, 10, 15), art.Published);
        Assert.Equal(2, art.Upvotes);
    }

    [Fact]
    public void Pairs_without_blank_lines_and_with_blank_lines_read_the_same()
    {
        const string abstractText = "We propose a method that does something useful for language models and measure it on several benchmarks with care.";
        var dense = $"Daily Papers\nMar 3\nA Useful Method\n{abstractText}\nAnother Useful Method\n{abstractText}\n";
        var spaced = dense.Replace("\n", "\n\n");
        var a = Parse(dense);
        var b = Parse(spaced);
        Assert.Equal(2, a.Count);
        Assert.Equal(a.Select(p => (p.Id, p.Title, p.Abstract)), b.Select(p => (p.Id, p.Title, p.Abstract)));
        Assert.Equal(new DateOnly(2026, 3, 3), a[0].Listings.Single().Day);
    }

    [Fact]
    public void A_page_with_only_headers_has_no_papers()
    {
        var ex = Assert.Throws<PaperFormatException>(() => Parse("new\n\nGet trending papers in your email inbox!\n\nSubscribe\n\nDaily Papers\n\nApr 28\n"));
        Assert.Contains("no papers", ex.Message);
    }

    [Fact]
    public void Windows_line_endings_read_the_same()
    {
        var page = File.ReadAllText(FixtureFiles.SeedPages[1]).ReplaceLineEndings("\n");
        Assert.Equal(
            Parse(page).Select(p => (p.Id, p.Abstract, p.Upvotes)),
            Parse(page.Replace("\n", "\r\n")).Select(p => (p.Id, p.Abstract, p.Upvotes)));
    }
}
