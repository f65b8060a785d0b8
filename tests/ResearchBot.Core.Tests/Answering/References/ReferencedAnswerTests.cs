using ResearchBot.Answering;
using ResearchBot.Answering.References;
using ResearchBot.Answering.Sources;
using ResearchBot.TestSupport.OpenAi;

namespace ResearchBot.Core.Tests.Answering.References;

/// <summary>Follow-ups about listed papers through the whole answer pipeline: answered from exactly those papers, before retrieval.</summary>
public sealed class ReferencedAnswerTests : IAsyncLifetime
{
    // [1] Keyformer, [2] TriForce, [3] RAPID, [4] ScatterFormer.
    private static readonly ShownList Shown = new(["2604.00001", "2604.00002", "2604.00003", "2604.00004"], ShownListKind.Answer);
    private FakeOpenAiServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeOpenAiServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Offline_tell_me_more_about_n_answers_from_that_paper_only_with_what_it_proposes_and_reports()
    {
        using var harness = new AnswerHarness();

        var (_, answer) = await harness.AskAsync("tell me more about [2]", shown: Shown);

        Assert.Empty(harness.Search.Queries);
        var source = Assert.Single(answer.Sources);
        Assert.Equal((2, "2604.00002"), (source.N, source.Id));
        Assert.Equal([2], answer.Citations);
        Assert.Contains("We introduce TriForce", answer.Text);
        Assert.Contains("2.31x speedup", answer.Text);
        Assert.DoesNotContain("Keyformer", answer.Text);
        Assert.Contains("TriForce: Lossless Acceleration", answer.StandaloneQuestion);
    }

    [Fact]
    public async Task Offline_compare_answers_side_by_side_on_the_same_aspects()
    {
        using var harness = new AnswerHarness();

        var (_, answer) = await harness.AskAsync("compare [1] and [3]", shown: Shown);

        Assert.Equal(["2604.00001", "2604.00003"], answer.Sources.Select(s => s.Id));
        Assert.Equal([1, 3], answer.Citations);
        var text = answer.Text.ReplaceLineEndings("\n");
        var proposes = text.IndexOf("What it proposes:", StringComparison.Ordinal);
        var reports = text.IndexOf("What it reports:", StringComparison.Ordinal);
        Assert.True(proposes > 0 && reports > proposes, text);
        Assert.Contains("- Keyformer: We propose Keyformer", text[proposes..reports]);
        Assert.Contains("- Long-Context Inference with Retrieval-Augmented Speculative Decoding: We present RAPID", text[proposes..reports]);
        Assert.Contains("2.1x", text[reports..]);
        Assert.Contains("[3]", text[reports..]);
    }

    [Fact]
    public async Task Offline_compare_on_an_asked_aspect_quotes_each_paper_on_it()
    {
        using var harness = new AnswerHarness();

        var (_, answer) = await harness.AskAsync("compare the first and second ones on speedup", shown: Shown);

        Assert.Contains("On speedup:", answer.Text);
        Assert.Contains("TriForce reaches a 2.31x speedup", answer.Text);
        Assert.Equal([1, 2], answer.Citations);
    }

    [Fact]
    public async Task Offline_their_after_a_comparison_is_answered_on_that_aspect_from_exactly_the_compared_papers()
    {
        using var harness = new AnswerHarness();
        var (_, compared) = await harness.AskAsync("compare [1] and [3]", shown: Shown);
        Assert.Equal([1, 3], compared.About);
        var shown = ShownList.After(Shown, compared);
        ChatTurn[] history = [new("user", compared.StandaloneQuestion), new("assistant", compared.Text, compared.Sources)];

        var (_, answer) = await harness.AskAsync("what about their memory cost?", history, shown: shown);

        Assert.Empty(harness.Search.Queries);
        Assert.Equal(["2604.00001", "2604.00003"], answer.Sources.Select(s => s.Id));
        Assert.StartsWith("- Keyformer: Keyformer cuts the KV cache memory cost by half and improves inference latency by 2.1x", answer.Text);
        Assert.Contains("The abstract of [3] says nothing about \"memory cost\".", answer.Text);
        Assert.Equal("what about the memory cost of \"Keyformer: KV Cache Reduction through Key Tokens Selection for Efficient Generative Inference\" and " +
            "\"Long-Context Inference with Retrieval-Augmented Speculative Decoding\"?", answer.StandaloneQuestion);
        Assert.Equal([1, 3], answer.About);
    }

    [Fact]
    public async Task Offline_referenced_answers_never_open_with_background_or_a_dangling_connective()
    {
        using var harness = new AnswerHarness();

        foreach (var question in new[] { "tell me more about [1]", "compare [1] and [2]", "what do [1-4] propose?" })
        {
            var (_, answer) = await harness.AskAsync(question, shown: Shown);
            Assert.DoesNotContain("Transformers dominate generative inference", answer.Text);
            Assert.DoesNotContain("bottlenecked by the KV cache", answer.Text);
            Assert.DoesNotContain("struggles with long contexts", answer.Text);
            Assert.DoesNotContain("need sorting and padding", answer.Text);
        }
    }

    [Fact]
    public async Task A_missing_number_is_said_plainly_without_searching()
    {
        using var harness = new AnswerHarness();

        var (deltas, answer) = await harness.AskAsync("and what about [7]?", shown: Shown);

        Assert.Equal("There is no [7]; the last answer listed [1]–[4].", answer.Text);
        Assert.Equal(answer.Text, string.Concat(deltas));
        Assert.Empty(answer.Sources);
        Assert.Empty(harness.Search.Queries);
    }

    [Fact]
    public async Task Without_references_the_question_is_retrieved_as_before()
    {
        using var harness = new AnswerHarness();

        var (_, answer) = await harness.AskAsync("KV cache reduction by selecting key tokens", shown: Shown);

        Assert.Single(harness.Search.Queries);
        Assert.Equal("2604.00001", answer.Sources[0].Id);
    }

    [Fact]
    public async Task With_a_model_the_referenced_papers_are_the_sources_under_their_numbers_and_the_model_may_search_further()
    {
        _server.Enqueue(FakeReply.ToolCall("search_papers", """{"query":"software engineering agents"}"""));
        _server.Enqueue(FakeReply.Text("TriForce drafts hierarchically [2]; RAPID retrieves [3]; agents differ [5]. Not [9]."));
        using var harness = new AnswerHarness(AnswerHarness.OpenAi(_server.Endpoint));

        var (deltas, answer) = await harness.AskAsync("compare [2] and [3]", shown: Shown);

        var user = _server.Requests[0].Messages.Single(m => m.Role == "user").Content;
        var block = user[user.IndexOf(SourceFormatter.BeginMarker, StringComparison.Ordinal)..user.IndexOf(SourceFormatter.EndMarker, StringComparison.Ordinal)];
        Assert.Contains("[2] TriForce", block);
        Assert.Contains("[3] Long-Context Inference with Retrieval-Augmented Speculative Decoding", block);
        Assert.DoesNotContain("Keyformer", block);
        Assert.Contains("side by side", user);
        Assert.Contains("TriForce drafts hierarchically [2]; RAPID retrieves [3]", string.Concat(deltas));
        Assert.Equal([2, 3, 5], answer.Citations);
        Assert.Equal("TriForce drafts hierarchically [2]; RAPID retrieves [3]; agents differ [5]. Not.", answer.Text);
        Assert.Contains(answer.Sources, s => s.N == 5 && s.Id is "2604.00005" or "2604.00006");
    }

    [Fact]
    public async Task With_a_model_a_new_question_gets_its_citations_numbered_in_the_order_first_cited_also_while_streaming()
    {
        _server.Enqueue(FakeReply.Text("Hierarchical drafting [2] builds on key selection [1]; retrieval drafts too [2, 3]."));
        using var harness = new AnswerHarness(AnswerHarness.OpenAi(_server.Endpoint));

        var (deltas, answer) = await harness.AskAsync("KV cache speculative decoding long sequence generation key tokens");

        var user = _server.Requests[0].Messages.Single(m => m.Role == "user").Content;
        var second = answer.Sources.Single(s => s.N == 1);
        Assert.Contains($"[2] {second.Title}", user);
        Assert.Equal("Hierarchical drafting [1] builds on key selection [2]; retrieval drafts too [1, 3].", answer.Text);
        Assert.Equal(answer.Text, string.Concat(deltas));
        Assert.Equal([1, 2, 3], answer.Citations);
        Assert.Equal([1, 2, 3], answer.CitedSources.Select(s => s.N));
    }
}
