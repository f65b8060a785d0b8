using ResearchBot.Digest.Clustering;
using ResearchBot.TestSupport.Fakes;

namespace ResearchBot.Core.Tests.Digest;

public sealed class ThemeClustererTests
{
    [Fact]
    public void Similar_papers_share_a_theme_and_every_paper_is_in_exactly_one()
    {
        var papers = TestPapers.All;

        var themes = ThemeClusterer.Cluster(papers, themes: 3);

        Assert.Equal(Enumerable.Range(0, papers.Count), themes.SelectMany(t => t.Members).Order());
        int ThemeOf(string id) => themes.Select((t, k) => (t, k)).Single(x => x.t.Members.Any(m => papers[m].Id == id)).k;
        Assert.Equal(ThemeOf("2604.00005"), ThemeOf("2604.00006"));
        Assert.Equal(ThemeOf("2604.00004"), ThemeOf(TestPapers.InjectionId));
        Assert.NotEqual(ThemeOf("2604.00005"), ThemeOf("2604.00004"));
        Assert.All(themes.Where(t => !t.IsOther), t => Assert.False(string.IsNullOrWhiteSpace(t.Name)));
    }

    [Fact]
    public void No_papers_no_themes()
    {
        Assert.Empty(ThemeClusterer.Cluster([]));
    }
}
