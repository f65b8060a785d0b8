using ResearchBot.Papers;
using ResearchBot.TestSupport.OpenAi;

namespace ResearchBot.Cli.Tests;

/// <summary>The REPL (the default verb) driven through a pipe, as a script would.</summary>
public sealed class ReplCommandTests : IDisposable
{
    private const string OfflineNotice = "No language model is configured";
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Piped_it_answers_a_question_about_the_sample_corpus_with_citations_and_the_cited_titles()
    {
        var result = await _cli.RunAsync([], "Which papers reduce the KV cache by selecting a small set of key tokens?\n");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("loaded the bundled sample corpus (262 papers", result.Error);
        Assert.DoesNotContain('\u001b', result.Out);
        Assert.DoesNotContain("> ", result.Out);
        Assert.StartsWith(OfflineNotice, result.Out);
        Assert.Equal(1, Occurrences(result.Out, OfflineNotice));
        Assert.StartsWith("- ", result.OutLines[1]);
        Assert.Matches(@"\[\d+\]", result.Out);
        var sources = result.Out[result.Out.IndexOf("Sources:", StringComparison.Ordinal)..];
        Assert.Matches(@"\[\d+\] Keyformer: KV Cache Reduction through Key Tokens Selection for Efficient Generative Inference \(\d{4}-\d{2}-\d{2}\)", sources);
        foreach (var n in System.Text.RegularExpressions.Regex.Matches(sources, @"^\[(\d+)\]", System.Text.RegularExpressions.RegexOptions.Multiline).Select(m => m.Groups[1].Value))
            Assert.Contains($"[{n}]", result.Out[..result.Out.IndexOf("Sources:", StringComparison.Ordinal)]);
    }

    [Fact]
    public async Task A_follow_up_is_answered_in_the_context_of_the_conversation_until_new()
    {
        const string input = "Which papers study KV cache compression?\nwhat about its memory cost?\n/new\nwhat about its memory cost?\n";

        var result = await _cli.RunAsync([], input);

        Assert.Equal(0, result.ExitCode);
        var split = result.Out.IndexOf("Started a new conversation", StringComparison.Ordinal);
        Assert.True(split > 0, result.Out);
        var before = result.Out[..split];
        var after = result.Out[split..];
        Assert.Contains("(answered as: what about the memory cost of KV cache compression?)", before);
        var followUpSources = before[before.IndexOf("(answered as:", StringComparison.Ordinal)..];
        Assert.Contains("KV Cache Compression", followUpSources);
        Assert.DoesNotContain("answered as", after);
        Assert.Equal(1, Occurrences(result.Out, OfflineNotice));
    }

    [Fact]
    public async Task Slash_commands_search_paper_sources_digest_and_quit()
    {
        const string keyformer = "Keyformer: KV Cache Reduction through Key Tokens Selection for Efficient Generative Inference";
        var input = string.Join('\n',
            "/help",
            "/sources",
            "/search voxel transformer for point clouds",
            $"/paper {PaperId.FromTitle(keyformer)}",
            "KV cache reduction by selecting key tokens",
            "/sources",
            "/paper 1",
            "/bib",
            "/digest 2026-04-28",
            "/digest 2026-04-27 to 2026-04-28",
            "/quit",
            "Which papers study speculative decoding?") + "\n";

        var result = await _cli.RunAsync([], input);

        Assert.Equal(0, result.ExitCode);
        var output = result.Out;
        foreach (var command in new[] { "/search Q", "/paper ID", "/digest [DAY|SPAN]", "/bib", "/sources", "/new", "/help", "/quit" })
            Assert.Contains(command, output);
        Assert.Contains("No answer yet: ask a question first.", output);
        Assert.Contains("ScatterFormer", output);
        Assert.Contains(keyformer + "\n" + PaperId.FromTitle(keyformer), output.ReplaceLineEndings("\n"));
        Assert.Matches(@"Sources of the last answer \(cited: \[\d+\](, \[\d+\])*\):\n\[1\] ", output.ReplaceLineEndings("\n"));
        Assert.Contains("Digest of 2026-04-28 (listing day):", output);
        Assert.Contains("Digest of 2026-04-27 to 2026-04-28 (listing days):", output);
        Assert.Matches(@"@misc\{[^,]+,\n  title = \{\{", output.ReplaceLineEndings("\n"));
        Assert.Equal(1, Occurrences(output, OfflineNotice));
        Assert.DoesNotContain("speculative", output, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(result.ErrorLines, l => l.StartsWith("error:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Mistakes_in_commands_are_one_error_line_each_and_the_session_goes_on()
    {
        const string input = "/paper 9999.99999\n/digest 2026-13-01\n/digest 2026-01-01\n/search\n/frobnicate\nKV cache compression\n";

        var result = await _cli.RunAsync([], input);

        Assert.Equal(0, result.ExitCode);
        var errors = result.ErrorLines.Where(l => l.StartsWith("error:", StringComparison.Ordinal)).ToList();
        Assert.Equal(
        [
            "error: /paper 9999.99999: no paper with arXiv id 9999.99999 is in the store (its arXiv page: https://arxiv.org/abs/9999.99999); words of its title may find it if it was stored without its id.",
            "error: /digest '2026-13-01' is not a day or a span: use YYYY-MM-DD, \"this week\" or \"2026-04-20 to 2026-04-28\"",
            "error: no papers were listed on 2026-01-01 (listing days in the store: 2026-03-17, 2026-04-28, 2026-07-30, 2026-09-02)",
            "error: /search needs a query, e.g. /search speculative decoding",
            "error: unknown command /frobnicate: /help lists the commands",
        ], errors);
        Assert.Contains(OfflineNotice, result.Out);
    }

    [Fact]
    public async Task With_a_model_the_follow_up_is_condensed_from_the_conversation_and_answered_from_its_sources()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Enqueue(
            FakeReply.Text("Keyformer keeps only a small set of key tokens in the cache [1]."),
            FakeReply.Text("What is the memory cost of Keyformer's KV cache reduction?"),
            FakeReply.Text("Keyformer cuts the KV cache memory by keeping only key tokens [1]."));
        const string input = "Which paper reduces the KV cache by selecting key tokens?\nwhat about its memory cost?\n";

        var result = await _cli.RunAsync([], input, AskCommandTests.Model(server.Endpoint));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("(answered as: What is the memory cost of Keyformer's KV cache reduction?)", result.Out);
        var condense = server.Requests[1];
        Assert.Contains(condense.Messages, m => m.Content.Contains("Which paper reduces the KV cache by selecting key tokens?", StringComparison.Ordinal)
            && m.Content.Contains("Keyformer keeps only a small set of key tokens", StringComparison.Ordinal));
        Assert.Equal(2, Occurrences(result.Out, "Sources:"));
        Assert.Matches(@"Sources:\n\[1\] Keyformer", result.Out.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task A_provider_failure_is_one_error_line_and_the_session_goes_on()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.Enqueue(FakeReply.Status(500), FakeReply.Text("Keyformer keeps only key tokens [1]."));

        var result = await _cli.RunAsync([], "KV cache reduction by selecting key tokens\nKV cache reduction by selecting key tokens\n", AskCommandTests.Model(server.Endpoint));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("500", Assert.Single(result.ErrorLines, l => l.StartsWith("error:", StringComparison.Ordinal)));
        Assert.Contains("Keyformer keeps only key tokens [1].", result.Out);
    }

    [Fact]
    public async Task End_of_input_without_questions_exits_0()
    {
        var result = await _cli.RunAsync([], "");

        Assert.Equal(0, result.ExitCode);
        Assert.Empty(result.Out);
    }

    private static int Occurrences(string text, string value)
    {
        var count = 0;
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + value.Length, StringComparison.Ordinal)) count++;
        return count;
    }
}
