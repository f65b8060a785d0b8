using Microsoft.Extensions.AI;
using ResearchBot.ChatClients;
using ResearchBot.TestSupport.OpenAi;

namespace ResearchBot.Core.Tests.ChatClients;

/// <summary>The OpenAI-compatible provider over real HTTP against the local fake server.</summary>
public sealed class OpenAiProviderTests : IAsyncLifetime
{
    private FakeOpenAiServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeOpenAiServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private IChatClient Client(int maxRetries = 0, double timeoutSeconds = 20) => ChatClientFactory.Create(new ChatSettings
    {
        Provider = ChatProvider.OpenAI,
        Endpoint = _server.Endpoint.ToString(),
        Model = "test-model",
        ApiKey = "sk-test-secret",
        MaxRetries = maxRetries,
        Timeout = TimeSpan.FromSeconds(timeoutSeconds),
    })!;

    [Fact]
    public async Task Streams_server_sent_events_and_reports_usage()
    {
        _server.Enqueue(FakeReply.Text("Keyformer keeps only key tokens [1].", promptTokens: 120, completionTokens: 9));
        var pieces = new List<string>();
        UsageDetails? usage = null;

        await foreach (var update in Client().GetStreamingResponseAsync([new ChatMessage(ChatRole.User, "hi")]))
        {
            if (!string.IsNullOrEmpty(update.Text)) pieces.Add(update.Text);
            usage ??= update.Contents.OfType<UsageContent>().FirstOrDefault()?.Details;
        }

        Assert.True(pieces.Count > 1);
        Assert.Equal("Keyformer keeps only key tokens [1].", string.Concat(pieces));
        Assert.Equal(120, usage?.InputTokenCount);
        Assert.Equal(9, usage?.OutputTokenCount);
        var request = Assert.Single(_server.Requests);
        Assert.True(request.Stream);
        Assert.Equal("test-model", request.Body["model"]?.GetValue<string>());
        Assert.Equal("Bearer sk-test-secret", request.Authorization);
    }

    [Fact]
    public async Task Retries_after_429_honouring_Retry_After_then_succeeds()
    {
        _server.Enqueue(FakeReply.Status(429, retryAfter: "1"), FakeReply.Text("fine"));

        var response = await Client(maxRetries: 2).GetResponseAsync([new ChatMessage(ChatRole.User, "hi")]);

        Assert.Equal("fine", response.Text);
        Assert.Equal(2, _server.Requests.Count);
    }

    [Fact]
    public async Task A_500_that_persists_ends_in_a_clear_one_line_error()
    {
        _server.Fallback = _ => FakeReply.Status(500);

        var error = await Assert.ThrowsAsync<ChatProviderException>(() => Client(maxRetries: 1).GetResponseAsync([new ChatMessage(ChatRole.User, "hi")]));

        Assert.Equal(2, _server.Requests.Count);
        Assert.EndsWith("failed: HTTP 500 (server error; retries exhausted): scripted status 500", error.Message);
        Assert.Contains("test-model", error.Message);
        Assert.DoesNotContain('\n', error.Message);
        Assert.DoesNotContain("sk-test-secret", error.Message);
    }

    [Fact]
    public async Task A_500_while_streaming_ends_in_a_clear_error()
    {
        _server.Fallback = _ => FakeReply.Status(500);

        var error = await Assert.ThrowsAsync<ChatProviderException>(async () =>
        {
            await foreach (var _ in Client().GetStreamingResponseAsync([new ChatMessage(ChatRole.User, "hi")])) { }
        });

        Assert.Contains("HTTP 500", error.Message);
    }

    [Fact]
    public async Task A_server_that_does_not_answer_times_out_with_a_clear_error()
    {
        _server.Enqueue(FakeReply.Hang(TimeSpan.FromSeconds(60)));

        var error = await Assert.ThrowsAsync<ChatProviderException>(() =>
            Client(maxRetries: 0, timeoutSeconds: 1).GetResponseAsync([new ChatMessage(ChatRole.User, "hi")]));

        Assert.Contains("timed out", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public async Task A_stream_that_stalls_times_out_with_a_clear_error()
    {
        _server.Enqueue(FakeReply.Stall("Keyformer", TimeSpan.FromSeconds(60)));
        var pieces = new List<string>();

        var error = await Assert.ThrowsAsync<ChatProviderException>(async () =>
        {
            await foreach (var update in Client(maxRetries: 0, timeoutSeconds: 1).GetStreamingResponseAsync([new ChatMessage(ChatRole.User, "hi")]))
                pieces.Add(update.Text);
        });

        Assert.Equal("Keyformer", string.Concat(pieces));
        Assert.Contains("timed out", error.Message);
    }

    [Fact]
    public async Task A_refused_connection_is_a_clear_error()
    {
        var endpoint = _server.Endpoint;
        await _server.DisposeAsync();
        _server = await FakeOpenAiServer.StartAsync();
        var client = ChatClientFactory.Create(new ChatSettings
        {
            Provider = ChatProvider.OpenAI, Endpoint = endpoint.ToString(), Model = "m", MaxRetries = 0, Timeout = TimeSpan.FromSeconds(5),
        })!;

        var error = await Assert.ThrowsAsync<ChatProviderException>(() => client.GetResponseAsync([new ChatMessage(ChatRole.User, "hi")]));

        Assert.StartsWith("The language model (OpenAI model 'm' at ", error.Message);
    }

    [Fact]
    public void Offline_gives_no_client_and_a_missing_model_is_a_clear_error()
    {
        Assert.Null(ChatClientFactory.Create(new ChatSettings()));
        var error = Assert.Throws<ChatProviderException>(() => ChatClientFactory.Create(new ChatSettings { Provider = ChatProvider.OpenAI }));
        Assert.Contains("Chat:Model", error.Message);
        var timeout = Assert.Throws<ChatProviderException>(() => ChatClientFactory.Create(new ChatSettings { Provider = ChatProvider.OpenAI, Model = "m", Timeout = TimeSpan.Zero }));
        Assert.Contains("Chat:Timeout", timeout.Message);
    }
}
