using Microsoft.Extensions.AI;
using ResearchBot.ChatClients;
using ResearchBot.TestSupport.OpenAi;

namespace ResearchBot.Core.Tests.ChatClients;

/// <summary>The Ollama provider (OllamaSharp) over real HTTP against a local fake of Ollama's chat API.</summary>
public sealed class OllamaProviderTests : IAsyncLifetime
{
    private FakeOllamaServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeOllamaServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private IChatClient Client(int maxRetries, double timeoutSeconds = 20) => ChatClientFactory.Create(new ChatSettings
    {
        Provider = ChatProvider.Ollama, Endpoint = _server.Endpoint.ToString(), Model = "llama3.2", MaxRetries = maxRetries, Timeout = TimeSpan.FromSeconds(timeoutSeconds),
    })!;

    [Fact]
    public async Task Retries_a_503_with_Retry_After_then_streams_the_answer()
    {
        _server.Enqueue(FakeReply.Status(503, retryAfter: "1"), FakeReply.Text("Keyformer keeps key tokens [1].", 50, 7));
        var text = "";

        await foreach (var update in Client(maxRetries: 2).GetStreamingResponseAsync([new ChatMessage(ChatRole.User, "hi")]))
            text += update.Text;

        Assert.Equal("Keyformer keeps key tokens [1].", text.Trim());
        Assert.Equal(2, _server.Requests);
    }

    [Fact]
    public async Task Every_request_asks_for_the_configured_context_size()
    {
        _server.Enqueue(FakeReply.Text("one"), FakeReply.Text("two"));
        var client = ChatClientFactory.Create(new ChatSettings
        {
            Provider = ChatProvider.Ollama, Endpoint = _server.Endpoint.ToString(), Model = "llama3.2", MaxRetries = 0, ContextTokens = 16384,
        })!;

        await client.GetResponseAsync([new ChatMessage(ChatRole.User, "hi")]);
        await foreach (var _ in client.GetStreamingResponseAsync([new ChatMessage(ChatRole.User, "hi")], new ChatOptions { Temperature = 0.2f })) { }

        Assert.Equal(2, _server.Bodies.Count);
        Assert.All(_server.Bodies, b => Assert.Equal(16384, b["options"]?["num_ctx"]?.GetValue<int>()));
        Assert.Equal(0.2, _server.Bodies[1]["options"]?["temperature"]?.GetValue<double>() ?? 0, 3);
    }

    [Fact]
    public async Task A_persistent_500_is_a_clear_error()
    {
        var error = await Assert.ThrowsAsync<ChatProviderException>(() => Client(maxRetries: 0).GetResponseAsync([new ChatMessage(ChatRole.User, "hi")]));

        Assert.StartsWith("The language model (Ollama model 'llama3.2' at ", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public async Task A_server_that_does_not_answer_times_out_with_a_clear_error()
    {
        _server.Enqueue(FakeReply.Hang(TimeSpan.FromSeconds(60)));

        var error = await Assert.ThrowsAsync<ChatProviderException>(() => Client(maxRetries: 0, timeoutSeconds: 1).GetResponseAsync([new ChatMessage(ChatRole.User, "hi")]));

        Assert.Contains("timed out", error.Message);
    }
}
