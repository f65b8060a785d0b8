using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using ResearchBot.Core.Tests.Answering;
using ResearchBot.Digest;
using ResearchBot.TestSupport.OpenAi;

namespace ResearchBot.Core.Tests.Digest;

/// <summary>The digest with a model, over HTTP against the fake server: one-liners and theme intros come from the prompts.</summary>
public sealed class ModelDigestTests : IAsyncLifetime
{
    private static readonly DateOnly PageDay = new(2026, 4, 30);
    private FakeOpenAiServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await FakeOpenAiServer.StartAsync();
        _server.Fallback = Reply;
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task One_liners_and_themes_come_from_the_prompts_in_parts_that_fit_the_budget()
    {
        var config = AnswerHarness.OpenAi(_server.Endpoint);
        config["Chat:ContextTokens"] = "1500";
        using var harness = new AnswerHarness(config, SamplePage.Load(PageDay));

        var digest = await harness.Services.GetRequiredService<IDigestService>().CreateAsync(PageDay);

        var oneLinerCalls = _server.Requests.Count(r => r.Messages[0].Content.Contains("in one line each"));
        var themeCalls = _server.Requests.Count(r => r.Messages[0].Content.Contains("theme headings"));
        Assert.True(oneLinerCalls > 1, $"{oneLinerCalls} one-liner calls");
        Assert.True(themeCalls >= 1);
        var items = digest!.Themes.SelectMany(t => t.Items).ToList();
        Assert.Equal(12, items.Count);
        Assert.Equal(12, items.Select(i => i.PaperId).Distinct().Count());
        Assert.All(items, i => Assert.Equal($"Model summary of paper {i.N}.", i.OneLiner));
        Assert.All(digest.Themes, t => Assert.Matches(@"^Model theme \d+$", t.Name));
        Assert.All(digest.Themes, t => Assert.StartsWith("What these papers share", t.Intro));
    }

    [Fact]
    public async Task What_the_model_leaves_out_keeps_its_offline_text()
    {
        _server.Fallback = _ => FakeReply.Text("Sorry, I cannot help with that.");
        using var harness = new AnswerHarness(AnswerHarness.OpenAi(_server.Endpoint), SamplePage.Load(PageDay));

        var digest = await harness.Services.GetRequiredService<IDigestService>().CreateAsync(PageDay);

        var items = digest!.Themes.SelectMany(t => t.Items).ToList();
        Assert.Equal(12, items.Count);
        Assert.All(items, i => Assert.False(string.IsNullOrWhiteSpace(i.OneLiner)));
        Assert.All(digest.Themes, t => Assert.False(string.IsNullOrWhiteSpace(t.Name)));
    }

    [Fact]
    public async Task One_liners_in_the_usual_markdown_list_formats_are_all_used()
    {
        string[] formats = ["- **[{0}]** {1}", "{0}. {1}", "- [{0}]: {1}", "**{0}.** {1}", "[{0}] {1}", "* **[{0}]**: {1}"];
        _server.Fallback = request =>
        {
            if (!request.Messages[0].Content.Contains("in one line each")) return Reply(request);
            var numbers = Regex.Matches(request.Messages[^1].Content, @"^\[(\d+)\]", RegexOptions.Multiline).Select(m => int.Parse(m.Groups[1].Value));
            return FakeReply.Text("Here are the summaries:\n\n" + string.Join("\n", numbers.Select(n => string.Format(formats[n % formats.Length], n, $"Model summary of paper {n}."))));
        };
        using var harness = new AnswerHarness(AnswerHarness.OpenAi(_server.Endpoint), SamplePage.Load(PageDay));

        var digest = await harness.Services.GetRequiredService<IDigestService>().CreateAsync(PageDay);

        var items = digest!.Themes.SelectMany(t => t.Items).ToList();
        Assert.Equal(12, items.Count);
        Assert.All(items, i => Assert.Equal($"Model summary of paper {i.N}.", i.OneLiner));
        Assert.Empty(digest.Notices);
    }

    [Fact]
    public async Task Papers_the_model_leaves_out_are_named_in_a_notice_and_keep_their_own_sentence()
    {
        _server.Fallback = request =>
        {
            if (!request.Messages[0].Content.Contains("in one line each")) return Reply(request);
            var numbers = Regex.Matches(request.Messages[^1].Content, @"^\[(\d+)\]", RegexOptions.Multiline).Select(m => int.Parse(m.Groups[1].Value));
            return FakeReply.Text(string.Join("\n", numbers.Where(n => n != 3).Select(n => $"[{n}] Model summary of paper {n}.")));
        };
        var papers = SamplePage.Load(PageDay);
        using var harness = new AnswerHarness(AnswerHarness.OpenAi(_server.Endpoint), papers);

        var digest = await harness.Services.GetRequiredService<IDigestService>().CreateAsync(PageDay);

        var third = digest!.Themes.SelectMany(t => t.Items).Single(i => i.N == 3);
        Assert.Equal(ContributionSentence.Of(papers.Single(p => p.Id == third.PaperId)), third.OneLiner);
        var notice = Assert.Single(digest.Notices);
        Assert.Contains("[3]", notice);
        Assert.DoesNotContain("[4]", notice);
    }

    [Fact]
    public async Task A_model_that_fails_part_way_leaves_the_rest_of_the_digest_offline_with_a_notice()
    {
        var calls = 0;
        _server.Fallback = request =>
        {
            if (request.Messages[0].Content.Contains("in one line each") && Interlocked.Increment(ref calls) >= 2) return FakeReply.Status(500);
            return Reply(request);
        };
        var config = AnswerHarness.OpenAi(_server.Endpoint);
        config["Chat:ContextTokens"] = "1500";
        var papers = SamplePage.Load(PageDay);
        using var harness = new AnswerHarness(config, papers);

        var digest = await harness.Services.GetRequiredService<IDigestService>().CreateAsync(PageDay);

        Assert.NotNull(digest);
        var items = digest.Themes.SelectMany(t => t.Items).ToList();
        Assert.Equal(papers.Select(p => p.Id).Order(), items.Select(i => i.PaperId).Order());
        var fromModel = items.Where(i => i.OneLiner == $"Model summary of paper {i.N}.").ToList();
        Assert.NotEmpty(fromModel);
        Assert.All(items.Except(fromModel), i => Assert.Equal(ContributionSentence.Of(papers.Single(p => p.Id == i.PaperId)), i.OneLiner));
        Assert.Contains(digest.Notices, n => n.Contains("failed part-way") && n.Contains("offline"));
        Assert.DoesNotContain(digest.Themes, t => t.Name.StartsWith("Model theme", StringComparison.Ordinal)); // no theme call after the failure
    }

    [Fact]
    public async Task Themes_named_in_several_parts_get_a_final_naming_pass_and_never_repeat_a_name()
    {
        _server.Fallback = request =>
        {
            var user = request.Messages[^1].Content;
            if (request.Messages[0].Content.Contains("in one line each")) return Reply(request);
            var themes = Regex.Matches(user, @"^Theme (\d+)", RegexOptions.Multiline).Select(m => int.Parse(m.Groups[1].Value)).ToList();
            if (user.Contains("Give each theme a name no other theme has"))
                return FakeReply.Text(string.Join("\n", themes.Select(k => $"**Theme {k}:** {(k <= 2 ? "Efficient inference" : $"Final theme {k}")}")));
            return FakeReply.Text(string.Join("\n", themes.Select(k => $"Theme {k}: Efficient inference | Papers of part {k}.")));
        };
        var config = AnswerHarness.OpenAi(_server.Endpoint);
        config["Chat:ContextTokens"] = "1000";
        using var harness = new AnswerHarness(config, SeedPages.All());

        var digest = await harness.Services.GetRequiredService<IDigestService>().CreateAsync(SeedPages.Days["001"]);

        Assert.Equal(1, _server.Requests.Count(r => r.Messages[^1].Content.Contains("Give each theme a name no other theme has")));
        Assert.True(_server.Requests.Count(r => r.Messages[0].Content.Contains("theme headings")) >= 3, "themes were named in several parts");
        var names = digest!.Themes.Select(t => t.Name).ToList();
        Assert.Equal(names.Count, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(digest.Themes.Skip(2), t => Assert.Matches(@"^Final theme \d+$", t.Name));
        Assert.Contains(digest.Themes, t => t.Name == "Efficient inference");
    }

    private static FakeReply Reply(RecordedRequest request)
    {
        var system = request.Messages[0].Content;
        var user = request.Messages[^1].Content;
        if (system.Contains("in one line each"))
        {
            var numbers = Regex.Matches(user, @"^\[(\d+)\]", RegexOptions.Multiline).Select(m => m.Groups[1].Value);
            return FakeReply.Text(string.Join("\n", numbers.Select(n => $"[{n}] Model summary of paper {n}.")));
        }
        var themes = Regex.Matches(user, @"^Theme (\d+)", RegexOptions.Multiline).Select(m => m.Groups[1].Value);
        return FakeReply.Text(string.Join("\n", themes.Select(k => $"Theme {k}: Model theme {k} | What these papers share, part {k}.")));
    }
}
