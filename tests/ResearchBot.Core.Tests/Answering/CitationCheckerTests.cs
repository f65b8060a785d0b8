using ResearchBot.Answering.Citations;

namespace ResearchBot.Core.Tests.Answering;

public sealed class CitationCheckerTests
{
    [Fact]
    public void Removes_numbers_that_are_not_sources()
    {
        var check = CitationChecker.Check("Keyformer halves the cache [1]. It was invented in 1887 [7].", sourceCount: 3);

        Assert.Equal("Keyformer halves the cache [1]. It was invented in 1887.", check.Text);
        Assert.Equal([1], check.Cited);
        Assert.Equal([7], check.Removed);
    }

    [Fact]
    public void Keeps_valid_numbers_of_a_group_and_drops_the_rest()
    {
        var check = CitationChecker.Check("Both speed up decoding [1, 9, 3].", sourceCount: 3);

        Assert.Equal("Both speed up decoding [1, 3].", check.Text);
        Assert.Equal([1, 3], check.Cited);
        Assert.Equal([9], check.Removed);
    }

    [Fact]
    public void Handles_adjacent_brackets_ranges_and_full_width_brackets()
    {
        var check = CitationChecker.Check("A [1][3] and B [2-4] and C 【5】.", sourceCount: 4);

        Assert.Equal("A [1][3] and B [2, 3, 4] and C.", check.Text);
        Assert.Equal([1, 2, 3, 4], check.Cited);
        Assert.Equal([5], check.Removed);
    }

    [Fact]
    public void Zero_is_never_a_source_and_non_numeric_brackets_stay()
    {
        var check = CitationChecker.Check("See [0] and the [draft] notes [2].", sourceCount: 2);

        Assert.Equal("See and the [draft] notes [2].", check.Text);
        Assert.Equal([2], check.Cited);
        Assert.Equal([0], check.Removed);
    }

    [Fact]
    public void Logs_the_removed_numbers()
    {
        var logger = new ListLogger();

        CitationChecker.Check("Claim [12].", sourceCount: 2, logger);

        var line = Assert.Single(logger.Lines);
        Assert.Contains("12", line);
    }

    [Theory]
    [InlineData("Keyformer halves the cache [1].\n\nSources:\n[1] Keyformer (2026-04-27)\n[2] TriForce")]
    [InlineData("Keyformer halves the cache [1].\n\n## References\n- [1] Keyformer")]
    [InlineData("Keyformer halves the cache [1].\n**Sources:**\n1. Keyformer")]
    public void A_sources_list_the_model_appends_is_removed(string text)
    {
        Assert.Equal("Keyformer halves the cache [1].", TrailingSources.Remove(text));
    }

    [Fact]
    public void An_answer_that_only_mentions_sources_in_prose_is_kept()
    {
        const string text = "The sources disagree [1][2].\nSources of error include noise [2].";

        Assert.Equal(text, TrailingSources.Remove(text));
    }
}
