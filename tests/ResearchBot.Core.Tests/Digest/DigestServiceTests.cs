using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using ResearchBot.Core.Tests.Answering;
using ResearchBot.Digest;
using ResearchBot.TestSupport.Fakes;

namespace ResearchBot.Core.Tests.Digest;

public sealed class DigestServiceTests
{
    private static readonly DateOnly PageDay = new(2026, 4, 30);

    private static AnswerHarness Harness(Dictionary<string, string?>? config = null) =>
        new(config, [.. TestPapers.All, .. SamplePage.Load(PageDay)]);

    [Fact]
    public async Task Lists_every_paper_of_the_day_exactly_once_and_nothing_else()
    {
        using var harness = Harness();
        var expected = SamplePage.Load(PageDay).Select(p => p.Id).Order().ToList();

        var digest = await harness.Services.GetRequiredService<IDigestService>().CreateAsync(PageDay);

        Assert.NotNull(digest);
        Assert.Equal(12, expected.Count);
        Assert.Equal(expected, digest.Sources.Select(s => s.Id).Order());
        Assert.Equal(Enumerable.Range(1, 12), digest.Sources.Select(s => s.N));
        var items = digest.Themes.SelectMany(t => t.Items).ToList();
        Assert.Equal(expected, items.Select(i => i.PaperId).Order());
        Assert.All(digest.Themes, t => Assert.False(string.IsNullOrWhiteSpace(t.Name)));
        Assert.True(digest.Themes.Count >= 2);
        Assert.Equal(digest.Themes.Count, digest.Themes.Select(t => t.Name).Distinct().Count());
        var cited = Regex.Matches(digest.Text, @"^- \[(\d+)\]", RegexOptions.Multiline).Select(m => int.Parse(m.Groups[1].Value)).ToList();
        Assert.Equal(Enumerable.Range(1, 12), cited.Order());
        Assert.DoesNotContain(digest.Sources, s => TestPapers.All.Any(p => p.Id == s.Id));
    }

    [Fact]
    public async Task Offline_one_liners_are_the_papers_own_contribution_sentences()
    {
        using var harness = Harness();

        var digest = await harness.Services.GetRequiredService<IDigestService>().CreateAsync(TestPapers.Day1);

        var items = digest!.Themes.SelectMany(t => t.Items).ToDictionary(i => i.PaperId);
        Assert.Equal(3, items.Count);
        Assert.StartsWith("We propose Keyformer", items["2604.00001"].OneLiner);
        Assert.StartsWith("We introduce TriForce", items["2604.00002"].OneLiner);
        Assert.StartsWith("We present RAPID", items["2604.00003"].OneLiner);
    }

    [Fact]
    public async Task Defaults_to_the_latest_day_and_returns_null_for_a_day_without_papers()
    {
        using var harness = Harness();
        var digests = harness.Services.GetRequiredService<IDigestService>();

        var latest = await digests.CreateAsync();
        var none = await digests.CreateAsync(new DateOnly(2020, 1, 1));

        Assert.Equal(PageDay, latest!.Date);
        Assert.StartsWith("Digest of 2026-04-30 (listing day): 12 papers in ", latest.Text);
        Assert.Null(none);
    }

    [Fact]
    public async Task Is_deterministic()
    {
        using var harness = Harness();
        var digests = harness.Services.GetRequiredService<IDigestService>();

        var first = await digests.CreateAsync(PageDay);
        var second = await digests.CreateAsync(PageDay);

        Assert.Equal(first!.Text, second!.Text);
    }

    [Fact]
    public async Task An_empty_store_has_no_digest()
    {
        using var harness = new AnswerHarness(papers: []);

        Assert.Null(await harness.Services.GetRequiredService<IDigestService>().CreateAsync());
    }
}
