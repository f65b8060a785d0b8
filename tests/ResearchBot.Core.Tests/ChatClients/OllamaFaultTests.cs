using ResearchBot.ChatClients;
using ResearchBot.TestSupport.OpenAi;

namespace ResearchBot.Core.Tests.ChatClients;

/// <summary>Every fault of the Ollama provider (OllamaSharp), over real HTTP against the fake Ollama server: the shared ones (<see cref="ChatProviderFaultTests"/>) and Ollama's own.</summary>
public sealed class OllamaFaultTests : ChatProviderFaultTests
{
    private FakeOllamaServer _server = null!;

    private protected override string Key => "olk-Hh72pQ0sVd9LmX4rTe1";
    private protected override string MessagePrefix => "The language model (Ollama model 'llama3.2' at ";
    private protected override Uri Endpoint => _server.Endpoint;
    private protected override ChatProvider Provider => ChatProvider.Ollama;
    private protected override string Model => "llama3.2";

    private protected override void Enqueue(params FakeReply[] replies) => _server.Enqueue(replies);

    /// <summary>Ollama's pieces may start with a space.</summary>
    private protected override string Received(string pieces) => pieces.Trim();

    public override async Task InitializeAsync() => _server = await FakeOllamaServer.StartAsync();

    public override async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_malformed_reply_to_a_plain_call_is_one_line()
    {
        _server.Enqueue(FakeReply.Malformed());

        var error = await Assert.ThrowsAsync<ChatProviderException>(() => Client().GetResponseAsync(Hi));

        AssertOneLine(error, "failed: ");
    }

    [Fact]
    public async Task A_done_line_without_a_message_is_an_empty_reply()
    {
        _server.Enqueue(FakeReply.EmptyChoices());

        var (_, error) = await StreamAsync(Client());

        AssertOneLine(error, "the reply was empty");
    }

    [Fact]
    public async Task A_Retry_After_longer_than_the_timeout_fails_at_once()
    {
        for (var i = 0; i < 4; i++) _server.Enqueue(FakeReply.Status(429, retryAfter: "600"));

        var (_, error) = await StreamAsync(Client(maxRetries: 3, timeoutSeconds: 30));

        Assert.Equal(1, _server.Requests);
        AssertOneLine(error, "rate limited by Ollama; retry after 600 s");
    }

    [Fact]
    public async Task The_key_is_sent_as_a_bearer_token_and_a_401_that_echoes_it_never_shows_it()
    {
        _server.Enqueue(FakeReply.RejectKey());

        var (_, error) = await StreamAsync(Client());

        Assert.Equal("Bearer " + Key, _server.LastAuthorization);
        AssertOneLine(error, "401");
        Assert.DoesNotContain(Key, error.ToString());
        Assert.DoesNotContain(Key, Logs.AllText);
    }

    [Fact]
    public async Task A_refused_connection_is_one_line()
    {
        var closed = ClosedPort();

        var (_, error) = await StreamAsync(Client(maxRetries: 1, endpoint: new Uri($"http://127.0.0.1:{closed.Port}")));

        AssertOneLine(error, "cannot connect");
    }

    [Fact]
    public async Task A_persistent_500_is_one_line_and_leaves_no_stack_trace_in_the_logs()
    {
        var (_, error) = await StreamAsync(Client());

        AssertOneLine(error, "500");
        Assert.DoesNotContain(Logs.Entries, e => e.Exception is not null);
        Assert.DoesNotContain(" at ", Logs.AllText);
    }
}
