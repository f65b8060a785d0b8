using System.Text.Json;
using ResearchBot.Answering;
using ResearchBot.Discord.Rest.Models;
using ResearchBot.Discord.Tests.Support;

namespace ResearchBot.Discord.Tests;

/// <summary>What the bot posts never carries control characters from stored text or answers (the message and embed builders strip them).</summary>
public class ControlCharacterTests
{
    private const string Hostile = "\u001b[2J\u001b]0;pwned\u0007\u009b31m\u0000";

    private static IEnumerable<string> Strings(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => [e.GetString()!],
        JsonValueKind.Object => e.EnumerateObject().SelectMany(p => Strings(p.Value)),
        JsonValueKind.Array => e.EnumerateArray().SelectMany(Strings),
        _ => [],
    };

    private static void AssertClean(string text) =>
        Assert.DoesNotContain(text, c => (c < ' ' && c is not '\n' and not '\t') || c is >= '\u007f' and <= '\u009f');

    [Fact]
    public void Messages_embeds_and_footers_are_built_without_control_characters_and_keep_newlines()
    {
        var message = new OutgoingMessage($"line one{Hostile}\nline two", [new Embed(Title: $"T{Hostile}", Description: $"d{Hostile}\n[1] x", Footer: new EmbedFooter($"f{Hostile}"))]);
        var edited = message with { Content = $"again{Hostile}" };

        Assert.Equal("line one[2J]0;pwned31m\nline two", message.Content);
        Assert.Equal("again[2J]0;pwned31m", edited.Content);
        var embed = message.Embeds![0];
        Assert.Equal("T[2J]0;pwned31m", embed.Title);
        Assert.Equal("d[2J]0;pwned31m\n[1] x", embed.Description);
        Assert.Equal("f[2J]0;pwned31m", embed.Footer!.Text);
    }

    [Fact]
    public async Task An_answer_and_sources_with_control_characters_are_posted_without_them()
    {
        await using var bot = await BotHarness.StartAsync();
        bot.Answers.Text = r => $"Routing{Hostile} works [1].\nSecond line [2].";
        bot.Answers.Sources = [new AnswerSource(1, "2401.00001", $"Quantum{Hostile} routing", "https://arxiv.org/abs/2401.00001", null), FakeAnswerService.Source2];
        await bot.ReadyAsync();

        await bot.MentionAsync("m1", $"what about{Hostile} routing?");
        var reply = await bot.WaitForMessageAsync(m => m.ReplyTo == "m1" && m.Embeds is { ValueKind: JsonValueKind.Array } e && e.GetArrayLength() > 0, "the final reply");
        await bot.Rest.Threads.WaitForAsync(t => t.MessageId == "m1");

        Assert.Contains("Routing[2J]0;pwned31m works [1].\nSecond line [2].", reply.Content);
        var bodies = bot.Rest.Requests.Snapshot().Where(r => r.Body.Length > 0).ToList();
        Assert.NotEmpty(bodies);
        foreach (var request in bodies)
            foreach (var text in Strings(request.Json)) AssertClean(text);
    }
}
