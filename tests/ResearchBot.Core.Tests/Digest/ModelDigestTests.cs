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
