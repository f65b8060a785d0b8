using ResearchBot.Answering.Model;
using ResearchBot.Answering.Sources;
using ResearchBot.Papers;

namespace ResearchBot.Core.Tests.Answering;

public sealed class SourceFormatterTests
{
    [Fact]
    public void Higher_ranked_texts_keep_their_length_and_lower_ranked_ones_are_cut_first()
    {
        Assert.Equal([1000, 1000, 1000], SourceFormatter.Allot([1000, 1000, 1000], 5000, 200));
        Assert.Equal([1000, 1000, 400], SourceFormatter.Allot([1000, 1000, 1000], 2400, 200));
        Assert.Equal([1000, 600, 200], SourceFormatter.Allot([1000, 1000, 1000], 1800, 200));
        Assert.Equal([600, 200, 200], SourceFormatter.Allot([1000, 1000, 1000], 1000, 200));
        Assert.Equal([100, 100, 100], SourceFormatter.Allot([1000, 1000, 1000], 300, 200));
        Assert.Equal([850, 50, 100], SourceFormatter.Allot([1000, 50, 1000], 1000, 100));
    }

    [Fact]
    public void Fitted_sources_stay_within_the_budget_with_every_title_id_and_link()
    {
        var sources = Enumerable.Range(1, 8).Select(i => new NumberedSource(i, new Paper
        {
            Id = $"2605.{i:00000}",
            Title = $"Paper {i}",
            Abstract = string.Join(" ", Enumerable.Range(0, 300).Select(k => $"word{k}")),
            Authors = ["A. Author", "B. Author"],
            Url = $"https://arxiv.org/abs/2605.{i:00000}",
        }, 1.0 / i)).ToList();

        var text = SourceFormatter.Fit(sources, 6000);

        Assert.InRange(text.Length, 5000, 6000);
        Assert.All(sources, s => Assert.Contains($"[{s.N}] Paper {s.N}\nId: {s.Paper.Id} · Date: unknown · Authors: A. Author, B. Author\nLink: {s.Paper.Url}\n", text));
        Assert.EndsWith("…", text);
    }

    [Fact]
    public void The_token_estimate_is_a_quarter_of_the_characters_rounded_up()
    {
        Assert.Equal(0, TokenEstimate.Of(""));
        Assert.Equal(1, TokenEstimate.Of("abc"));
        Assert.Equal(2, TokenEstimate.Of("abcde"));
        Assert.Equal(400, TokenEstimate.Chars(100));
    }
}
