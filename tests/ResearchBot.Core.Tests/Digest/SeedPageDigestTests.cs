using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using ResearchBot.Answering.Text;
using ResearchBot.Core.Tests.Answering;
using ResearchBot.Digest;
using Xunit.Abstractions;

namespace ResearchBot.Core.Tests.Digest;

/// <summary>The offline digests of all five seed pages, each asked for by its listing day.</summary>
public sealed partial class SeedPageDigestTests(ITestOutputHelper output)
{
    public static TheoryData<string> Pages => new(SeedPages.Days.Keys);

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Themes_are_named_by_shared_phrases_and_one_liners_state_contributions(string page)
    {
        var all = SeedPages.All();
        var day = SeedPages.Days[page];
        using var harness = new AnswerHarness(null, all);

        var digest = await harness.Services.GetRequiredService<IDigestService>().CreateAsync(day);

        Assert.NotNull(digest);
        output.WriteLine(digest.Text);
        var expected = SeedPages.IdsListedOn(all, day);
        var items = digest.Themes.SelectMany(t => t.Items).ToList();
        Assert.Equal(expected, items.Select(i => i.PaperId).Order(StringComparer.Ordinal)); // every paper of the day once, no other
        Assert.Equal(expected, digest.Sources.Select(s => s.Id).Order(StringComparer.Ordinal));
        var byId = all.ToDictionary(p => p.Id);
        var named = digest.Themes.Where(t => t.Name != "Other papers").ToList();
        Assert.True(named.Count >= 2, "at least two named themes");
        // Papers that fit no theme go to "Other" rather than being forced in; it must not swallow the day.
        Assert.True(items.Count - named.Sum(t => t.Items.Count) <= items.Count * 0.6, "at most 60% of the papers in Other");
        Assert.Equal(digest.Themes.Count, digest.Themes.Select(t => t.Name.ToLowerInvariant()).Distinct().Count());
        foreach (var theme in named)
        {
            Assert.DoesNotContain(",", theme.Name);
            Assert.DoesNotMatch(@"\band\b", theme.Name);
            var stems = Terms.Of(theme.Name);
            Assert.NotEmpty(stems);
            var containing = theme.Items.Count(i => ContainsRun(Terms.Of(byId[i.PaperId].Title), stems) || ContainsRun(Terms.Of(byId[i.PaperId].Abstract), stems));
            Assert.True(containing >= 0.6 * theme.Items.Count, $"'{theme.Name}' is in {containing} of its {theme.Items.Count} papers");
            Assert.DoesNotContain(theme.Name.ToLowerInvariant(), theme.Intro.Split('.')[0].ToLowerInvariant().Replace("all on " + theme.Name.ToLowerInvariant(), ""));
        }
        var stating = items.Count(i => StatesContribution(i.OneLiner));
        Assert.True(stating >= 0.95 * items.Count, $"{stating} of {items.Count} one-liners state a contribution or result:\n"
            + string.Join("\n", items.Where(i => !StatesContribution(i.OneLiner)).Select(i => i.OneLiner)));
        Assert.All(items, i => Assert.DoesNotMatch(ReleaseOrLink(), i.OneLiner));
        Assert.DoesNotContain(digest.Sources, s => s.Published is { } d && digest.Text.Contains(d.ToString("yyyy-MM-dd"), StringComparison.Ordinal) && d != day);
    }

    private static bool StatesContribution(string oneLiner) => Contribution().IsMatch(oneLiner);

    private static bool ContainsRun(List<string> words, List<string> run)
    {
        for (var i = 0; i + run.Count <= words.Count; i++)
            if (run.Select((r, j) => words[i + j] == r).All(x => x)) return true;
        return false;
    }

    [GeneratedRegex(@"\b(?:we|our|this (?:paper|work|study|report)|propos\w*|introduc\w*|present\w*|develop\w*|achiev\w*|outperform\w*|improv\w*|reduc\w*|show\w*|demonstrat\w*|find|found|reveal\w*|enabl\w*|establish\w*|design\w*|construct\w*|release\w*|offer\w*|provid\w*|speed\w*|yield\w*|surpass\w*|accelerat\w*|attain\w*|reach\w*|boost\w*|a (?:new|novel|simple|unified)|called|dubbed|named)\b|^[A-Z][\w\-]*(?:\s[\w\-]+)?,\s+(?:a|an)\s", RegexOptions.IgnoreCase)]
    private static partial Regex Contribution();

    [GeneratedRegex(@"https?://|github\.com|available at|\b(?:code|data|models?|weights)\b[^.]{0,60}\b(?:is|are|will be)\s+(?:publicly\s+)?(?:available|released)", RegexOptions.IgnoreCase)]
    private static partial Regex ReleaseOrLink();
}
