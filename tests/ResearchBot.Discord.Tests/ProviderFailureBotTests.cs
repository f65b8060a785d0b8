using System.Text.Json;
using ResearchBot.ChatClients;
using ResearchBot.Discord.Tests.Support;
using ResearchBot.TestSupport.Discord;

namespace ResearchBot.Discord.Tests;

/// <summary>When the language model fails, the bot replies with the one-line reason and answers the next message.</summary>
public class ProviderFailureBotTests
{
    private const string Failure = "The language model (OpenAI model 'gpt-x' at http://127.0.0.1:9/v1) failed: HTTP 500 (server error; retries exhausted)";

    private static bool Final(EmulatedMessage m) => m.Embeds is { ValueKind: JsonValueKind.Array } e && e.GetArrayLength() > 0;

    [Fact]
    public async Task A_provider_failure_is_the_one_line_reply_and_the_next_message_is_answered()
    {
        await using var bot = await BotHarness.StartAsync();
        await bot.ReadyAsync();
        bot.Answers.Failure = r => r.Question == "first" ? new ChatProviderException(Failure) : null;

        await bot.MentionAsync("m1", "first");
        var error = await bot.WaitForMessageAsync(m => m.ReplyTo == "m1", "the error reply");
        await bot.MentionAsync("m2", "second");
        var answer = await bot.WaitForMessageAsync(m => m.ReplyTo == "m2" && Final(m), "the next answer");

        Assert.Equal("Sorry — I could not answer: " + Failure, error.Content);
        Assert.Contains("About \"second\": retrieval helps [1]", answer.Content);
        Assert.DoesNotContain(bot.Logs.Lines.Snapshot(), l => l.Text.Contains("   at ", StringComparison.Ordinal));
        Assert.Contains(bot.Logs.Lines.Snapshot(), l => l.Text == "Answering failed: " + Failure);
    }

    [Fact]
    public async Task A_reply_cut_off_part_way_is_delivered_with_the_reason()
    {
        await using var bot = await BotHarness.StartAsync();
        await bot.ReadyAsync();
        const string cutOff = "The language model (Ollama model 'llama3.2' at http://127.0.0.1:9/) failed: the reply was cut off before it finished";
        bot.Answers.Failure = _ => new ChatProviderException(cutOff);
        bot.Answers.FailAfterText = true;

        await bot.MentionAsync("m1", "partial");
        var reply = await bot.WaitForMessageAsync(m => m.ReplyTo == "m1" && Final(m), "the partial answer");

        Assert.Contains("About \"partial\": retrieval helps [1]", reply.Content);
        Assert.EndsWith($"(The answer is incomplete: {cutOff})", reply.Content);
    }
}
