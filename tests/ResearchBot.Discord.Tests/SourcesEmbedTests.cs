using ResearchBot.Answering;
using ResearchBot.Discord.Bot;
using ResearchBot.Discord.Rest.Models;

namespace ResearchBot.Discord.Tests;

public class SourcesEmbedTests
{
    [Fact]
    public void Lists_sources_with_links_and_escaped_titles()
    {
        var embed = SourcesEmbed.Build([new AnswerSource(2, "b", "Beta [v2]", "https://x/b", new DateOnly(2026, 1, 2)), new AnswerSource(1, "a", "Alpha", null, null)])!;

        Assert.Equal("Sources", embed.Title);
        Assert.Equal("[1] Alpha\n[2] [Beta \\[v2\\]](https://x/b) · 2026-01-02", embed.Description);
        Assert.Null(embed.Footer);
    }

    [Fact]
    public void No_sources_no_embed()
    {
        Assert.Null(SourcesEmbed.Build([]));
    }

    [Fact]
    public void Many_long_sources_stay_within_embed_limits()
    {
        var sources = Enumerable.Range(1, 200).Select(n => new AnswerSource(n, $"id{n}", new string('T', 400), $"https://arxiv.org/abs/2401.{n:00000}", null));

        var embed = SourcesEmbed.Build(sources)!;

        Assert.True(embed.Description!.Length <= EmbedLimits.Description);
        Assert.True(embed.Title!.Length + embed.Description.Length + embed.Footer!.Text.Length <= EmbedLimits.TotalText);
        Assert.Matches(@"^… and \d+ more$", embed.Footer.Text);
    }
}
