using ResearchBot.Ingestion;
using ResearchBot.Papers;

namespace ResearchBot.Tests.Ingestion;

public class PaperFieldLimitsTests
{
    [Fact]
    public void A_five_megabyte_abstract_is_cut_at_a_word_to_the_limit()
    {
        var paper = new Paper { Id = "2401.00001", Title = "Huge", Abstract = string.Concat(Enumerable.Repeat("word ", 1_000_000)).Trim() };

        var limited = Assert.Single(PaperFieldLimits.Apply([paper], out var notes));

        Assert.True(limited.Abstract.Length <= PaperFieldLimits.MaxAbstractLength);
        Assert.True(limited.Abstract.Length > PaperFieldLimits.MaxAbstractLength * 9 / 10);
        Assert.EndsWith("word…", limited.Abstract);
        Assert.Equal(["cut to the size limits: 1 abstract over 10,000 characters"], notes);
    }

    [Fact]
    public void Titles_author_lists_names_summaries_and_keywords_are_held_to_their_limits()
    {
        var authors = Enumerable.Range(1, 5_000).Select(i => $"Author {i}").ToList();
        authors[0] = new string('n', 10_000);
        var paper = new Paper
        {
            Id = "2401.00001",
            Title = string.Concat(Enumerable.Repeat("Long title ", 200)),
            Authors = authors,
            AuthorCount = authors.Count,
            AiSummary = new string('s', 100_000),
            AiKeywords = Enumerable.Range(1, 1_000).Select(i => $"kw{i}").ToList(),
        };

        var limited = Assert.Single(PaperFieldLimits.Apply([paper], out var notes));

        Assert.True(limited.Title.Length <= PaperFieldLimits.MaxTitleLength);
        Assert.Equal(PaperFieldLimits.MaxAuthors, limited.Authors.Count);
        Assert.True(limited.Authors[0].Length <= PaperFieldLimits.MaxAuthorNameLength);
        Assert.Equal("Author 2", limited.Authors[1]);
        Assert.Equal(5_000, limited.AuthorCount);
        Assert.True(limited.AiSummary!.Length <= PaperFieldLimits.MaxAiSummaryLength);
        Assert.Equal(PaperFieldLimits.MaxKeywords, limited.AiKeywords.Count);
        var note = Assert.Single(notes);
        Assert.Equal(
            "cut to the size limits: 1 title over 500 characters, 1 AI summary over 2,000 characters, 1 author list over 200 names (the author count is kept), 1 author name over 200 characters, 1 keyword list over 50 keywords",
            note);
    }

    [Fact]
    public void Terminal_escapes_and_control_characters_are_removed_from_stored_text()
    {
        var paper = new Paper
        {
            Id = "ctl.1",
            Title = "Evil \u001b[2J\u001b]0;pwned\u0007Title\u0007",
            Abstract = "Bell \u0007 and \u009b31mred\u001b[0m text\u0085.",
            Authors = ["A\u001b[31m B"],
        };

        var limited = Assert.Single(PaperFieldLimits.Apply([paper], out var notes));

        Assert.Equal("Evil Title", limited.Title);
        Assert.Equal("Bell and red text .", limited.Abstract);
        Assert.Equal(["A B"], limited.Authors);
        Assert.Equal(["control characters removed from 1 paper"], notes);
        Assert.DoesNotContain(limited.Title + limited.Abstract + limited.Authors[0], char.IsControl);
    }

    [Fact]
    public void A_paper_whose_title_is_only_control_characters_is_dropped_and_counted()
    {
        var papers = PaperFieldLimits.Apply([new Paper { Id = "x", Title = "\u001b[2J\u0007" }, new Paper { Id = "y", Title = "Fine" }], out var notes);

        Assert.Equal("Fine", Assert.Single(papers).Title);
        Assert.Contains("1 paper without a readable title dropped", notes);
    }

    [Fact]
    public void An_over_long_id_becomes_the_title_id_and_an_over_long_url_is_dropped()
    {
        var paper = new Paper { Id = new string('i', 5_000), Title = "A Paper", Url = "https://example.org/" + new string('u', 5_000) };

        var limited = Assert.Single(PaperFieldLimits.Apply([paper], out _));

        Assert.Equal(PaperId.FromTitle("A Paper"), limited.Id);
        Assert.Null(limited.Url);
    }

    [Fact]
    public void A_paper_within_the_limits_is_returned_as_is()
    {
        var paper = new Paper { Id = "2401.00001", Title = "Fine", Abstract = "A normal abstract.", Authors = ["A. Author"] };

        var limited = Assert.Single(PaperFieldLimits.Apply([paper], out var notes));

        Assert.Same(paper, limited);
        Assert.Empty(notes);
    }
}
