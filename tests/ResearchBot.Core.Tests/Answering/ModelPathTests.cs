using System.Text.Json.Nodes;
using ResearchBot.Answering;
using ResearchBot.Answering.Sources;
using ResearchBot.Papers;
using ResearchBot.TestSupport.Fakes;
using ResearchBot.TestSupport.OpenAi;

namespace ResearchBot.Core.Tests.Answering;

/// <summary>What the model is given and what comes back, over HTTP against the local chat-completions and Ollama fakes.</summary>
public sealed class ModelPathTests : IAsyncLifetime
{
    private FakeOpenAiServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeOpenAiServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task The_request_gives_sources_first_then_the_question_then_a_reminder_to_cite()
    {
        var papers = TestPapers.All.Select(p => p.Id == "2604.00001" ? p with { Authors = ["Muhammad Adnan", "Akhil Arunkumar", "Gagandeep Jain"] } : p).ToList();
        _server.Enqueue(FakeReply.Text("Keyformer keeps key tokens [1]."));
        using var harness = new AnswerHarness(AnswerHarness.OpenAi(_server.Endpoint), papers);

        await harness.AskAsync("KV cache reduction by selecting key tokens");

        var messages = _server.Requests[0].Messages;
        Assert.Equal(["system", "user"], messages.Select(m => m.Role));
        var user = messages[1].Content;
        var order = new[] { "ordered by relevance", SourceFormatter.BeginMarker, "[1] Keyformer", SourceFormatter.EndMarker, "Question: KV cache reduction by selecting key tokens", "cite each claim" }
            .Select(part => user.IndexOf(part, StringComparison.Ordinal)).ToList();
        Assert.All(order, i => Assert.True(i >= 0, user));
        Assert.Equal(order.Order(), order);
        Assert.Contains(
            "[1] Keyformer: KV Cache Reduction through Key Tokens Selection for Efficient Generative Inference\n" +
            "Id: 2604.00001 · Date: 2026-04-27 · Authors: Muhammad Adnan, Akhil Arunkumar, Gagandeep Jain\n" +
            "Link: https://arxiv.org/abs/2604.00001\n" +
            "Abstract: Transformers dominate generative inference", user);
        var lastLine = user.TrimEnd().Split('\n')[^1];
        Assert.Contains("[1]", lastLine);
        Assert.StartsWith(SourceFormatter.BeginMarker, user.Split('\n').Single(l => l.Contains("BEGIN SOURCES", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Lower_ranked_abstracts_are_shortened_to_fit_Chat_ContextTokens()
    {
        var papers = LongPapers(12);
        _server.Enqueue(FakeReply.Text("Variant one [1]."));
        var config = AnswerHarness.OpenAi(_server.Endpoint);
        config["Chat:ContextTokens"] = "4000";
        config["Chat:Tools"] = "false";
        using var harness = new AnswerHarness(config, papers);

        await harness.AskAsync("speculative decoding for long context generation");

        var request = Assert.Single(_server.Requests);
        Assert.InRange(EstimatedTokens(request), 2500, 4000);
        var abstracts = request.Messages[1].Content.Split('\n').Where(l => l.StartsWith("Abstract: ", StringComparison.Ordinal)).ToList();
        Assert.Equal(8, abstracts.Count);
        Assert.False(abstracts[0].EndsWith('…'), "the most relevant abstract is whole");
        Assert.EndsWith("…", abstracts[^1]);
        Assert.True(abstracts[0].Length > abstracts[^1].Length);
    }

    [Fact]
    public async Task A_tool_loop_stays_within_Chat_ContextTokens()
    {
        var papers = LongPapers(20);
        string[] calls =
        [
            """{"query":"speculative decoding topic2"}""",
            """{"query":"speculative decoding topic3"}""",
            """{"query":"speculative decoding topic1"}""",
        ];
        _server.Fallback = request => request.Messages.Count(m => m.Role == "tool") is var n && n < calls.Length
            ? FakeReply.ToolCall("search_papers", calls[n])
            : FakeReply.Text("Variant one [1] and a later one [9].");
        var config = AnswerHarness.OpenAi(_server.Endpoint);
        config["Chat:ContextTokens"] = "6000";
        using var harness = new AnswerHarness(config, papers);

        var (_, answer) = await harness.AskAsync("speculative decoding for long context generation");

        Assert.Equal(4, _server.Requests.Count);
        Assert.All(_server.Requests, r => Assert.InRange(EstimatedTokens(r), 1, 6000));
        Assert.True(answer.Sources.Count > 8, "tool calls still added papers");
        var toolResults = _server.Requests[^1].Messages.Where(m => m.Role == "tool").Select(m => m.Content).ToList();
        Assert.Contains(toolResults, t => t.Contains("left out: the context is full", StringComparison.Ordinal) || t.Contains("No room left", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Tool_results_are_plain_text_with_the_delimiters_on_their_own_lines()
    {
        _server.Enqueue(
            FakeReply.ToolCall("search_papers", """{"query":"voxel transformer scattered linear attention"}"""),
            FakeReply.Text("ScatterFormer avoids padding [2]."));
        using var harness = new AnswerHarness(AnswerHarness.OpenAi(_server.Endpoint));

        await harness.AskAsync("KV cache reduction by selecting key tokens");

        var tool = _server.Requests[1].Messages.Single(m => m.Role == "tool").Content;
        var lines = tool.Split('\n');
        Assert.Contains(SourceFormatter.BeginMarker, lines);
        Assert.Contains(SourceFormatter.EndMarker, lines);
        Assert.Contains("[2] ScatterFormer: Efficient Voxel Transformer with Scattered Linear Attention", lines);
        Assert.DoesNotContain("\\n", tool);
        Assert.False(tool.StartsWith('"'), tool);
    }

    [Fact]
    public async Task A_paper_already_in_the_sources_comes_back_as_already_listed()
    {
        _server.Enqueue(
            FakeReply.ToolCall("get_paper", """{"id":"2604.00001"}"""),
            FakeReply.ToolCall("search_papers", """{"query":"KV cache key tokens"}"""),
            FakeReply.Text("Keyformer [1]."));
        using var harness = new AnswerHarness(AnswerHarness.OpenAi(_server.Endpoint));

        var (_, answer) = await harness.AskAsync("KV cache reduction by selecting key tokens");

        var tools = _server.Requests[^1].Messages.Where(m => m.Role == "tool").Select(m => m.Content).ToList();
        Assert.Equal(2, tools.Count);
        Assert.StartsWith("Already listed as [1]: Keyformer", tools[0]);
        Assert.DoesNotContain("We propose Keyformer", tools[0]);
        Assert.Contains("Already listed as [1]: Keyformer", tools[1]);
        Assert.DoesNotContain("[1] Keyformer", tools[1]);
        Assert.Equal(answer.Sources.Select(s => s.Id).Distinct().Count(), answer.Sources.Count);
    }

    [Fact]
    public async Task Chat_Tools_false_offers_no_tools_and_no_tool_rule()
    {
        _server.Enqueue(FakeReply.Text("Keyformer [1]."));
        var config = AnswerHarness.OpenAi(_server.Endpoint);
        config["Chat:Tools"] = "false";
        using var harness = new AnswerHarness(config);

        await harness.AskAsync("KV cache reduction by selecting key tokens");

        var request = Assert.Single(_server.Requests);
        Assert.Empty(request.ToolNames);
        Assert.Null(request.Body["tools"]);
        Assert.DoesNotContain("search_papers", request.Messages[0].Content);
    }

    [Fact]
    public async Task A_server_that_refuses_tools_is_asked_once_more_without_them()
    {
        _server.Enqueue(
            FakeReply.Error(400, "registry.ollama.ai/library/gemma2:2b does not support tools"),
            FakeReply.Text("Keyformer keeps key tokens [1].", 200, 10));
        using var harness = new AnswerHarness(AnswerHarness.OpenAi(_server.Endpoint));

        var (deltas, answer) = await harness.AskAsync("KV cache reduction by selecting key tokens");

        Assert.Equal(2, _server.Requests.Count);
        Assert.Contains("search_papers", _server.Requests[0].ToolNames);
        Assert.Empty(_server.Requests[1].ToolNames);
        Assert.DoesNotContain("search_papers", _server.Requests[1].Messages[0].Content);
        Assert.Equal("Keyformer keeps key tokens [1].", answer.Text);
        Assert.Equal(answer.Text, string.Concat(deltas));
    }

    [Fact]
    public async Task Another_client_error_is_not_retried_without_tools()
    {
        _server.Enqueue(FakeReply.Error(400, "context length exceeded"), FakeReply.Text("never asked"));
        using var harness = new AnswerHarness(AnswerHarness.OpenAi(_server.Endpoint));

        await Assert.ThrowsAsync<ResearchBot.ChatClients.ChatProviderException>(() => harness.AskAsync("KV cache reduction by selecting key tokens"));

        Assert.Single(_server.Requests);
    }

    [Theory]
    [InlineData("Sure! Here is the standalone question:\nWhat is the memory cost of Keyformer?")]
    [InlineData("Sure! Here is the standalone question: What is the memory cost of Keyformer?")]
    [InlineData("\"What is the memory cost of Keyformer?\"")]
    [InlineData("Standalone question: “What is the memory cost of Keyformer?”\n\nI replaced \"its\" with Keyformer.")]
    [InlineData("**Rewritten question:** What is the memory cost of Keyformer?")]
    public async Task A_condenser_reply_with_a_preamble_or_quotes_still_searches_the_real_question(string reply)
    {
        _server.Enqueue(FakeReply.Text(reply), FakeReply.Text("Half the memory [1]."));
        using var harness = new AnswerHarness(AnswerHarness.OpenAi(_server.Endpoint));
        ChatTurn[] history = [new("user", "Which paper reduces the KV cache with key tokens?"), new("assistant", "Keyformer [1].")];

        var (_, answer) = await harness.AskAsync("what about its memory cost?", history);

        Assert.Equal("What is the memory cost of Keyformer?", answer.StandaloneQuestion);
        Assert.Equal("What is the memory cost of Keyformer?", harness.Search.Queries[0].Text);
    }

    [Fact]
    public async Task The_condenser_sees_titles_instead_of_citation_numbers_and_its_usage_counts()
    {
        _server.Enqueue(FakeReply.Text("How fast is TriForce speculative decoding?", 50, 8), FakeReply.Text("2.31x [1].", 300, 20));
        using var harness = new AnswerHarness(AnswerHarness.OpenAi(_server.Endpoint));
        AnswerSource[] shown =
        [
            new(1, "2604.00001", "Keyformer: KV Cache Reduction through Key Tokens Selection for Efficient Generative Inference", null, null),
            new(2, "2604.00002", "TriForce: Lossless Acceleration of Long Sequence Generation with Hierarchical Speculative Decoding", null, null),
        ];
        ChatTurn[] history =
        [
            new("user", "Which papers speed up long generation?"),
            new("assistant", "Keyformer trims the cache [1] and TriForce drafts tokens [2].", shown),
            new("user", "compare [1, 2]"),
            new("assistant", "Both are fast [1][2].", shown),
        ];

        var (_, answer) = await harness.AskAsync("how fast is the second one?", history);

        var condense = _server.Requests[0].Messages.Single(m => m.Role == "user").Content;
        Assert.Contains("assistant: Keyformer trims the cache (Keyformer: KV Cache Reduction", condense);
        Assert.Contains("TriForce drafts tokens (TriForce: Lossless Acceleration", condense);
        Assert.Contains("user: compare (Keyformer: KV Cache Reduction through Key Tokens Selection for Efficient Generative Inference; TriForce:", condense);
        Assert.DoesNotContain("[1]", condense[..condense.IndexOf("Last message", StringComparison.Ordinal)]);
        Assert.DoesNotContain("[2]", condense);
        Assert.Equal(new AnswerUsage(350, 28, 378), answer.Usage);
    }

    [Fact]
    public async Task Streamed_deltas_never_show_an_invalid_number_or_the_models_sources_list()
    {
        _server.Enqueue(FakeReply.Text(
            "Keyformer keeps key tokens [1], unlike the invented paper [7]. TriForce drafts [2][9].\n\nSources:\n[1] Keyformer\n[2] TriForce\n[7] Invented"));
        using var harness = new AnswerHarness(AnswerHarness.OpenAi(_server.Endpoint));

        var (deltas, answer) = await harness.AskAsync("KV cache reduction with speculative decoding and key tokens");

        Assert.True(deltas.Count > 1);
        Assert.All(deltas, d => Assert.DoesNotContain("7", d));
        Assert.All(deltas, d => Assert.DoesNotContain("Sources", d));
        Assert.Equal(answer.Text, string.Concat(deltas));
        Assert.Equal("Keyformer keeps key tokens [1], unlike the invented paper. TriForce drafts [2].", answer.Text);
    }

    [Fact]
    public async Task Ollama_gets_num_ctx_and_a_model_that_refuses_tools_answers_without_them()
    {
        await using var ollama = await FakeOllamaServer.StartAsync();
        ollama.Enqueue(FakeReply.Error(400, "registry.ollama.ai/library/gemma2:2b does not support tools"), FakeReply.Text("Keyformer keeps key tokens [1] [8].", 90, 9));
        var config = AnswerHarness.Ollama(ollama.Endpoint);
        config["Chat:ContextTokens"] = "12000";
        using var harness = new AnswerHarness(config);

        var (deltas, answer) = await harness.AskAsync("KV cache reduction by selecting key tokens");

        Assert.Equal(2, ollama.Bodies.Count);
        Assert.All(ollama.Bodies, b => Assert.Equal(12000, b["options"]?["num_ctx"]?.GetValue<int>()));
        Assert.NotEmpty(ollama.Bodies[0]["tools"] as JsonArray ?? []);
        Assert.Empty(ollama.Bodies[1]["tools"] as JsonArray ?? []);
        Assert.Equal("Keyformer keeps key tokens [1].", answer.Text);
        Assert.Equal(answer.Text, string.Concat(deltas).Trim());
    }

    [Fact]
    public async Task Ollama_tool_results_are_plain_text_too()
    {
        await using var ollama = await FakeOllamaServer.StartAsync();
        ollama.Enqueue(
            FakeReply.ToolCall("search_papers", """{"query":"voxel transformer scattered linear attention"}"""),
            FakeReply.Text("ScatterFormer avoids padding [2]."));
        using var harness = new AnswerHarness(AnswerHarness.Ollama(ollama.Endpoint));

        var (_, answer) = await harness.AskAsync("KV cache reduction by selecting key tokens");

        Assert.Equal(2, ollama.Bodies.Count);
        var tool = (ollama.Bodies[1]["messages"] as JsonArray ?? []).OfType<JsonObject>().Single(m => m["role"]?.GetValue<string>() == "tool")["content"]!.GetValue<string>();
        var lines = tool.Split('\n');
        Assert.True(lines.Contains(SourceFormatter.BeginMarker), tool);
        Assert.Contains(SourceFormatter.EndMarker, lines);
        Assert.Contains("[2] ScatterFormer: Efficient Voxel Transformer with Scattered Linear Attention", lines);
        // The one cited source is shown as [1] (sources are numbered in the order first cited).
        Assert.Equal([1], answer.Citations);
        Assert.Equal("ScatterFormer avoids padding [1].", answer.Text);
        Assert.StartsWith("ScatterFormer", answer.Sources[0].Title);
    }

    /// <summary>Papers on one topic with ~1900-character abstracts, in groups of five sharing a word "topicN".</summary>
    private static List<Paper> LongPapers(int count) => Enumerable.Range(0, count).Select(i => new Paper
    {
        Id = $"2605.{i:00000}",
        Title = $"Speculative Decoding Variant {i} for Long Context Generation",
        Abstract = $"We study speculative decoding for long context generation in topic{i / 5}. " +
            string.Join(" ", Enumerable.Range(0, 200).Select(k => $"detail{k}")) + ".",
        Url = $"https://arxiv.org/abs/2605.{i:00000}",
        Listings = [new Listing(TestPapers.Day1, "page")],
    }).ToList();

    /// <summary>The request's size as the budget counts it (characters / 4 per message plus framing, the tool declarations, and the reply's max_tokens).</summary>
    private static int EstimatedTokens(RecordedRequest request)
    {
        var messages = request.Messages.Sum(m => 4 + (m.Content.Length + 3) / 4);
        var tools = ((request.Body["tools"]?.ToJsonString().Length ?? 0) + 3) / 4;
        var reply = request.Body["max_completion_tokens"]?.GetValue<int>() ?? request.Body["max_tokens"]?.GetValue<int>() ?? 0;
        return messages + tools + reply;
    }
}
