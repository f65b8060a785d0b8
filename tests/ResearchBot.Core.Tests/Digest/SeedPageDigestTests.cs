using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using ResearchBot.Text.Analysis;
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
        // A small remainder only: at most 30% of the day (a small day may keep a handful of unrelated papers).
        var other = items.Count - named.Sum(t => t.Items.Count);
        Assert.True(other <= Math.Max(items.Count * 0.3, 5), $"at most 30% of the papers in Other, was {other} of {items.Count}");
        Assert.Equal(digest.Themes.Count, digest.Themes.Select(t => t.Name.ToLowerInvariant()).Distinct().Count());
        foreach (var theme in named)
        {
            Assert.DoesNotContain(",", theme.Name);
            Assert.DoesNotMatch(@"\band\b", theme.Name);
            // Shared as the digest keys its phrases (light stems: "Solver" is shared by "solvers" and "solving").
            var stems = TextAnalyzer.Default.ContentTerms(theme.Name, Stemming.Light);
            Assert.NotEmpty(stems);
            var containing = theme.Items.Count(i => ContainsRun(TextAnalyzer.Default.ContentTerms(byId[i.PaperId].Title, Stemming.Light), stems)
                || ContainsRun(TextAnalyzer.Default.ContentTerms(byId[i.PaperId].Abstract, Stemming.Light), stems));
            Assert.True(containing >= 0.6 * theme.Items.Count, $"'{theme.Name}' is in {containing} of its {theme.Items.Count} papers");
            Assert.DoesNotContain(theme.Name.ToLowerInvariant(), theme.Intro.Split('.')[0].ToLowerInvariant().Replace("all on " + theme.Name.ToLowerInvariant(), ""));
        }
        var stating = items.Count(i => StatesContribution(i.OneLiner));
        Assert.True(stating >= 0.95 * items.Count, $"{stating} of {items.Count} one-liners state a contribution or result:\n"
            + string.Join("\n", items.Where(i => !StatesContribution(i.OneLiner)).Select(i => i.OneLiner)));
        Assert.All(items, i => Assert.DoesNotMatch(ReleaseOrLink(), i.OneLiner));
        // One sentence of about 30 words that reads on its own: no opening pointing back at left-out text.
        Assert.All(items, i => Assert.DoesNotMatch(PointsBack(), i.OneLiner));
        Assert.All(items, i => Assert.True(i.OneLiner.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 40, $"too long: {i.OneLiner}"));
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

    [GeneratedRegex(@"^(?:In this (?:paper|work|study)|To address this|To (?:this|that) end|Therefore|Thus|Hence|Moreover|Furthermore|For instance|\(\d\))\b", RegexOptions.IgnoreCase)]
    private static partial Regex PointsBack();
}

/// <summary>Interests and spans over the seed pages.</summary>
public sealed class DigestInterestAndSpanTests
{
    [Fact]
    public async Task Configured_interests_rank_matching_papers_first_in_each_theme_and_mark_them_and_a_request_overrides_them()
    {
        var all = SeedPages.All();
        var day = SeedPages.Days["002"];
        using var harness = new AnswerHarness(new() { ["Digest:Interests:0"] = "KV cache", ["Digest:Interests:1"] = "agents" }, all);
        var digests = harness.Services.GetRequiredService<IDigestService>();

        var configured = await digests.CreateAsync(day); // what the REPL's /digest and the Discord digest call
        var overridden = await digests.CreateAsync(new DigestRequest(day, Interests: ["quantization"]));

        Assert.Equal(["KV cache", "agents"], configured!.Interests);
        var byId = all.ToDictionary(p => p.Id);
        bool Mentions(string id, string phrase) => Regex.IsMatch(byId[id].Title + " " + byId[id].Abstract, phrase, RegexOptions.IgnoreCase);
        var items = configured.Themes.SelectMany(t => t.Items).ToList();
        Assert.Contains(items, i => i.Interest);
        Assert.All(items, i => Assert.Equal(Mentions(i.PaperId, @"\bKV\)?[- ]cach|\bagent"), i.Interest)); // "key-value (KV) cache" counts
        foreach (var theme in configured.Themes)
            Assert.Equal(theme.Items.OrderByDescending(i => i.Interest).Select(i => i.N), theme.Items.Select(i => i.N)); // marked papers first
        Assert.Contains("★", configured.Text);
        Assert.Equal(["quantization"], overridden!.Interests);
        Assert.All(overridden.Themes.SelectMany(t => t.Items), i => Assert.Equal(Mentions(i.PaperId, @"\bquantiz"), i.Interest));
    }

    [Fact]
    public async Task A_span_digests_every_paper_of_its_days_once_and_says_what_changed_against_the_previous_span()
    {
        var all = SeedPages.All();
        using var harness = new AnswerHarness(null, all);
        var digests = harness.Services.GetRequiredService<IDigestService>();

        // 2026-04-29..30 (the undated page, given 04-30) against 2026-04-27..28 (the Apr 28 page).
        var span = await digests.CreateAsync(new DigestRequest(new DateOnly(2026, 4, 30), new DateOnly(2026, 4, 29)));
        var lonely = await digests.CreateAsync(new DigestRequest(SeedPages.Days["002"], SeedPages.Days["004"]));

        Assert.True(span!.IsSpan);
        Assert.Equal(SeedPages.IdsListedOn(all, new DateOnly(2026, 4, 30)), span.Themes.SelectMany(t => t.Items).Select(i => i.PaperId).Order(StringComparer.Ordinal));
        var before = SeedPages.IdsListedOn(all, SeedPages.Days["001"]).Count;
        Assert.Equal(before, span.PreviousPapers);
        Assert.Contains($"What changed compared with 2026-04-27 to 2026-04-28 ({before} papers)", span.Text);
        Assert.All(span.Changes, c => Assert.True(c.IsNew || c.Papers >= c.Before + 2, $"{c.Theme}: {c.Papers} vs {c.Before}"));
        Assert.All(span.Changes, c => Assert.Contains(span.Themes, t => t.Name == c.Theme && t.Items.Count == c.Papers));

        var expected = SeedPages.IdsListedOn(all, SeedPages.Days["002"]).Union(SeedPages.IdsListedOn(all, SeedPages.Days["004"])).Order(StringComparer.Ordinal);
        Assert.Equal(expected, lonely!.Themes.SelectMany(t => t.Items).Select(i => i.PaperId).Order(StringComparer.Ordinal));
        Assert.Equal(0, lonely.PreviousPapers);
        Assert.Empty(lonely.Changes);
        Assert.Contains("nothing to compare with", lonely.Text);
        Assert.StartsWith("Digest of 2026-07-30 to 2026-09-02 (listing days): ", lonely.Text);
    }
}
