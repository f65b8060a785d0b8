using ResearchBot.TestSupport.Fakes;

namespace ResearchBot.Core.Tests.Answering;

public sealed class AbstentionTests
{
    [Theory]
    [InlineData("How long should I rest a brisket after smoking it before slicing?")]
    [InlineData("When should I prune my hydrangeas so they still bloom next summer?")]
    [InlineData("How do I renew my passport before travelling?")]
    [InlineData("Who wrote the novel War and Peace?")]
    [InlineData("best recipe for Neapolitan pizza dough")]
    public async Task Off_topic_questions_get_a_plain_no_with_no_citations(string question)
    {
        using var harness = new AnswerHarness();

        var (deltas, answer) = await harness.AskAsync(question);

        Assert.True(answer.Abstained);
        Assert.Empty(answer.Citations);
        Assert.Empty(answer.Sources);
        Assert.Equal("I found nothing about this in the 7 papers from 2026-04-27 to 2026-04-28.", answer.Text);
        Assert.Equal(answer.Text, string.Concat(deltas));
    }

    [Fact]
    public async Task The_message_names_the_date_range_that_was_searched()
    {
        using var harness = new AnswerHarness();

        var (_, answer) = await harness.AskAsync("KV cache reduction today");

        Assert.True(answer.Abstained);
        Assert.Equal("No papers from 2026-04-29; the store holds 7 papers from 2026-04-27 to 2026-04-28.", answer.Text);
        var query = harness.Search.Queries[^1];
        Assert.Equal("KV cache reduction", query.Text);
        Assert.Equal(new DateOnly(2026, 4, 29), query.From);
    }

    [Fact]
    public async Task A_question_about_papers_in_range_is_answered()
    {
        using var harness = new AnswerHarness();

        var (_, answer) = await harness.AskAsync("voxel transformer without sorting or padding on Apr 28");

        Assert.False(answer.Abstained);
        Assert.Equal(new DateOnly(2026, 4, 28), harness.Search.Queries[^1].From);
        Assert.Contains(answer.CitedSources, s => s.Id == "2604.00004");
        Assert.All(answer.Sources, s => Assert.Equal(new DateOnly(2026, 4, 28), s.Published));
    }

    [Fact]
    public async Task A_question_that_is_only_a_date_lists_that_days_papers()
    {
        using var harness = new AnswerHarness();

        var (_, answer) = await harness.AskAsync("What came out on Apr 27?");

        Assert.False(answer.Abstained);
        Assert.Equal(["2604.00001", "2604.00002", "2604.00003"], answer.Sources.Select(s => s.Id).Order());
        Assert.Equal([1, 2, 3], answer.Citations);
        Assert.Empty(harness.Search.Queries);
    }

    [Fact]
    public async Task A_date_without_papers_abstains_naming_the_range_and_what_the_store_covers()
    {
        using var harness = new AnswerHarness();

        var (_, answer) = await harness.AskAsync("latest papers from last month");

        Assert.True(answer.Abstained);
        Assert.Empty(answer.Sources);
        Assert.Equal("No papers from 2026-03-01 to 2026-03-31; the store holds 7 papers from 2026-04-27 to 2026-04-28.", answer.Text);
    }

    [Fact]
    public async Task A_topic_question_in_an_empty_range_says_what_the_store_covers()
    {
        using var harness = new AnswerHarness();

        var (_, answer) = await harness.AskAsync("speculative decoding for long contexts", from: new DateOnly(2026, 11, 30), to: new DateOnly(2026, 12, 1));

        Assert.True(answer.Abstained);
        Assert.Empty(answer.Citations);
        Assert.Equal("No papers from 2026-11-30 to 2026-12-01; the store holds 7 papers from 2026-04-27 to 2026-04-28.", answer.Text);
    }

    [Theory]
    [InlineData("2026-11-30", "2026-12-01", 262, "No papers from 2026-11-30 to 2026-12-01; the store holds 262 papers from 2026-03-17 to 2026-09-02.")]
    [InlineData("2026-11-30", null, 262, "No papers from 2026-11-30 on; the store holds 262 papers from 2026-03-17 to 2026-09-02.")]
    [InlineData(null, "2020-01-01", 1, "No papers up to 2020-01-01; the store holds 1 paper from 2026-03-17 to 2026-09-02.")]
    [InlineData("2026-12-01", "2026-12-01", 0, "No papers from 2026-12-01; the store is empty.")]
    public void The_empty_range_message_names_the_range_and_the_stores_coverage(string? from, string? to, int papers, string expected)
    {
        DateOnly? D(string? s) => s is null ? null : DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

        var message = ResearchBot.Answering.Abstention.EmptyRange(D(from), D(to), papers, new DateOnly(2026, 3, 17), new DateOnly(2026, 9, 2));

        Assert.Equal(expected, message);
    }

    [Fact]
    public async Task The_requests_own_range_wins_over_dates_in_the_question()
    {
        using var harness = new AnswerHarness();

        var (_, answer) = await harness.AskAsync("speculative decoding for long contexts today", from: TestPapers.Day1, to: TestPapers.Day1);

        var query = harness.Search.Queries[^1];
        Assert.Equal("speculative decoding for long contexts", query.Text);
        Assert.Equal((TestPapers.Day1, TestPapers.Day1), (query.From!.Value, query.To!.Value));
        Assert.Contains(answer.CitedSources, s => s.Id == "2604.00003");
    }
}
