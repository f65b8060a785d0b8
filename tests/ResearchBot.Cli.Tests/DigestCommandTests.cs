using System.Text.RegularExpressions;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ResearchBot.Ingestion;
using ResearchBot.Papers;
using ResearchBot.Storage;

namespace ResearchBot.Cli.Tests;

public sealed class DigestCommandTests : IDisposable
{
    /// <summary>How many of the five seed pages carry a page date (the others list no day).</summary>
    private const int DatedPages = 4;

    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task The_digest_of_each_seed_page_day_cites_every_paper_listed_that_day_and_nothing_else()
    {
        var days = await ListingDaysAsync();
        Assert.Equal(4, days.Count);
        var pageDays = new HashSet<string>();

        foreach (var day in days)
        {
            var result = await _cli.RunAsync("digest", "--date", day, "--json");

            Assert.Equal(0, result.ExitCode);
            using var doc = JsonDocument.Parse(Assert.Single(result.OutLines));
            var root = doc.RootElement;
            Assert.Equal(["date", "from", "text", "sources", "themes", "top", "interests", "changes", "notices"], root.EnumerateObject().Select(p => p.Name));
            Assert.Equal(day, root.GetProperty("date").GetString());
            var sources = root.GetProperty("sources").EnumerateArray().ToList();
            foreach (var s in sources) Assert.Equal(["n", "id", "title", "url", "published"], s.EnumerateObject().Select(p => p.Name));
            Assert.Equal(Enumerable.Range(1, sources.Count), sources.Select(s => s.GetProperty("n").GetInt32()));

            var listed = await ListedOnAsync(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(listed.Order(StringComparer.Ordinal), sources.Select(s => s.GetProperty("id").GetString()!).Order(StringComparer.Ordinal));

            var themed = root.GetProperty("themes").EnumerateArray()
                .SelectMany(t => t.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("n").GetInt32())).Order().ToList();
            Assert.Equal(Enumerable.Range(1, sources.Count), themed);
            var text = root.GetProperty("text").GetString()!;
            foreach (var n in themed) Assert.Contains($"[{n}]", text);
            pageDays.Add(day);
        }

        // Every paper of every dated seed page is in the digest of the day the page lists it on.
        var datedPages = 0;
        foreach (var page in Directory.GetFiles(CliRunner.SampleFolder, "*.txt"))
        {
            var papers = new DailyPageParser().Parse(File.ReadAllText(page), new ParseContext(Path.GetFileName(page), null, DateOnly.FromDateTime(DateTime.UtcNow)));
            if (papers.Any(p => p.Listings.Count > 0)) datedPages++;
            foreach (var group in papers.Where(p => p.Listings.Count > 0).GroupBy(p => p.Listings[0].Day))
            {
                var day = group.Key.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
                Assert.Contains(day, pageDays);
                var result = await _cli.RunAsync("digest", "--date", day, "--json");
                using var doc = JsonDocument.Parse(Assert.Single(result.OutLines));
                var keys = doc.RootElement.GetProperty("sources").EnumerateArray().Select(s => TitleKey.Of(s.GetProperty("title").GetString()!)).ToHashSet();
                Assert.All(group, p => Assert.Contains(p.TitleKey, keys));
            }
        }
        Assert.Equal(DatedPages, datedPages);
    }

    [Fact]
    public async Task Without_a_date_it_digests_the_latest_listing_day()
    {
        var days = await ListingDaysAsync();

        var result = await _cli.RunAsync("digest", "--json");

        Assert.Equal(0, result.ExitCode);
        using var doc = JsonDocument.Parse(Assert.Single(result.OutLines));
        Assert.Equal(days[^1], doc.RootElement.GetProperty("date").GetString());
    }

    [Fact]
    public async Task Text_output_has_the_themes_with_numbered_papers_then_links_without_a_second_copy_of_the_titles()
    {
        var result = await _cli.RunAsync("digest", "--date", "2026-04-28");

        Assert.Equal(0, result.ExitCode);
        var output = result.Out.ReplaceLineEndings("\n");
        Assert.StartsWith("Digest of 2026-04-28 (listing day): ", output);
        Assert.Contains("\n## ", output);
        Assert.Matches(@"\n- \[1\] .+: .+", output);
        var links = output[output.IndexOf("\nLinks (dates are publication dates):\n", StringComparison.Ordinal)..];
        Assert.Matches(@"\n\[1\] (?:https?://\S+|no link)( \(published \d{4}-\d{2}-\d{2}\))?\n", links);
        var titles = Regex.Matches(output, @"^- \[\d+\] (?:★ )?(.+?): ", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(titles);
        // A paper without an arXiv id links to a Hugging Face search for its title: the URL may hold the title, the text may not.
        var linkText = Regex.Replace(links, @"https?://\S+", "<url>");
        Assert.All(titles, t => Assert.DoesNotContain(t, linkText));
        Assert.DoesNotMatch(@"\n\n\n", output);
    }

    [Fact]
    public async Task Markdown_and_html_formats_are_whole_documents_of_the_same_digest()
    {
        var json = await _cli.RunAsync("digest", "--date", "2026-04-28", "--json");
        var markdown = await _cli.RunAsync("digest", "--date", "2026-04-28", "--format", "markdown", "--interests", "test-time compute");
        var html = await _cli.RunAsync("digest", "--date", "2026-04-28", "--format", "html");

        Assert.Equal(0, markdown.ExitCode);
        Assert.Equal(0, html.ExitCode);
        using var doc = JsonDocument.Parse(json.Out);
        var themes = doc.RootElement.GetProperty("themes").EnumerateArray().Select(t => t.GetProperty("name").GetString()!).ToList();
        var md = markdown.Out.ReplaceLineEndings("\n");
        Assert.StartsWith("# Digest of 2026-04-28\n\n57 papers listed on 2026-04-28, in ", md);
        Assert.Contains("Interests: test-time compute", md);
        Assert.Matches(@"\n- \*\*\[1\]\*\* ", md);
        Assert.Contains("★", md);
        Assert.All(themes, name => Assert.Contains("\n## " + name.Replace("*", "\\*") + "\n", md));
        var page = html.Out;
        Assert.StartsWith("<!DOCTYPE html>", page);
        Assert.EndsWith("</html>\n", page.ReplaceLineEndings("\n"));
        Assert.DoesNotContain("<script", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", page, StringComparison.OrdinalIgnoreCase); // standalone: styles inline, for email clients
        Assert.Equal(themes.Count, Regex.Matches(page, "<h2 ").Count);
        Assert.All(themes, name => Assert.Contains(System.Net.WebUtility.HtmlEncode(name), page));
        Assert.Equal(57, Regex.Matches(page, @"<li style=""margin:0 0 12px"">").Count);
    }

    [Fact]
    public async Task Bibtex_exports_every_paper_of_the_digest_and_ask_bibtex_the_cited_papers()
    {
        var digest = await _cli.RunAsync("digest", "--date", "2026-09-02", "--format", "bibtex");
        var ask = await _cli.RunAsync("ask", "KV cache compression", "--bibtex");

        Assert.Equal(0, digest.ExitCode);
        var keys = Regex.Matches(digest.Out, @"^@misc\{([^,]+),$", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(107, keys.Count);
        Assert.Equal(keys.Count, keys.Distinct().Count());
        Assert.Equal(107, Regex.Matches(digest.Out, @"^  title = \{\{.+\}\},$", RegexOptions.Multiline).Count);
        Assert.Equal(107, Regex.Matches(digest.Out, @"^  year = \{\d{4}\},$", RegexOptions.Multiline).Count);
        // Every entry has a url a person can open (the sample papers have no arXiv id: a Hugging Face search for the title).
        Assert.Equal(107, Regex.Matches(digest.Out, @"^  url = \{https://\S+\},$", RegexOptions.Multiline).Count);
        Assert.Equal(0, ask.ExitCode);
        var cited = Regex.Matches(ask.Out, @"^@misc\{", RegexOptions.Multiline).Count;
        Assert.InRange(cited, 1, 8);
        Assert.Contains("KV Cache", ask.Out);
    }

    [Fact]
    public async Task A_span_digest_covers_both_days_and_a_date_with_a_span_is_a_usage_error()
    {
        var span = await _cli.RunAsync("digest", "--from", "2026-07-30", "--to", "2026-09-02", "--json");
        var both = await _cli.RunAsync("digest", "--date", "2026-07-30", "--from", "2026-07-01");

        Assert.Equal(0, span.ExitCode);
        using var doc = JsonDocument.Parse(span.Out);
        Assert.Equal("2026-07-30", doc.RootElement.GetProperty("from").GetString());
        Assert.Equal("2026-09-02", doc.RootElement.GetProperty("date").GetString());
        var ids = doc.RootElement.GetProperty("sources").EnumerateArray().Select(s => s.GetProperty("id").GetString()!).ToList();
        var expected = (await ListedOnAsync(new DateOnly(2026, 7, 30))).Union(await ListedOnAsync(new DateOnly(2026, 9, 2))).ToList();
        Assert.Equal(expected.Order(StringComparer.Ordinal), ids.Order(StringComparer.Ordinal));
        Assert.Equal(2, both.ExitCode);
        Assert.Equal("error: --date names one day: use either --date or --from/--to", Assert.Single(both.ErrorLines));
    }

    [Fact]
    public async Task A_day_without_papers_is_one_error_line_and_exit_code_1()
    {
        var result = await _cli.RunAsync("digest", "--date", "2026-01-01");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("error: no papers were listed on 2026-01-01 (listing days in the store: 2026-03-17, 2026-04-28, 2026-07-30, 2026-09-02)",
            result.ErrorLines.Single(l => l.StartsWith("error:", StringComparison.Ordinal)));
        Assert.Empty(result.Out);
    }

    [Theory]
    [InlineData("2026-13-01")]
    [InlineData("April 28")]
    public async Task A_bad_date_is_one_error_line_and_exit_code_2(string date)
    {
        var result = await _cli.RunAsync("digest", "--date", date);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"error: --date '{date}' is not a date: use YYYY-MM-DD, e.g. 2026-11-20", Assert.Single(result.ErrorLines));
        Assert.Empty(result.Out);
    }

    /// <summary>The listing days <c>stats --json</c> reports (loading the sample corpus into the empty store).</summary>
    private async Task<List<string>> ListingDaysAsync()
    {
        var stats = await _cli.RunAsync("stats", "--json");
        using var doc = JsonDocument.Parse(stats.Out);
        return [.. doc.RootElement.GetProperty("days").EnumerateArray().Select(d => d.GetString()!)];
    }

    private async Task<List<string>> ListedOnAsync(DateOnly day)
    {
        using var host = _cli.OpenHost();
        var papers = await host.Services.GetRequiredService<IPaperStore>().GetListedOnAsync(day);
        return [.. papers.Select(p => p.Id).Distinct()];
    }
}
