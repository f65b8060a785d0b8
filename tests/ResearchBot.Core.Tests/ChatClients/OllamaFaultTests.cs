using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using ResearchBot.ChatClients;
using ResearchBot.TestSupport.OpenAi;

namespace ResearchBot.Core.Tests.ChatClients;

/// <summary>Every fault of the Ollama provider (OllamaSharp), over real HTTP against the fake Ollama server.</summary>
public sealed class OllamaFaultTests : IAsyncLifetime
{
    private const string Key = "olk-Hh72pQ0sVd9LmX4rTe1";
    private FakeOllamaServer _server = null!;
    private readonly RecordingLoggerFactory _logs = new(LogLevel.Warning);

    public async Task InitializeAsync() => _server = await FakeOllamaServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private IChatClient Client(int maxRetries = 0, double timeoutSeconds = 20, Uri? endpoint = null) => ChatClientFactory.Create(new ChatSettings
    {
        Provider = ChatProvider.Ollama,
        Endpoint = (endpoint ?? _server.Endpoint).ToString(),
        Model = "llama3.2",
        ApiKey = Key,
        MaxRetries = maxRetries,
        Timeout = TimeSpan.FromSeconds(timeoutSeconds),
    }, _logs)!;

    private static readonly ChatMessage[] Hi = [new(ChatRole.User, "hi")];

    [Fact]
    public async Task A_line_that_is_not_JSON_is_a_malformed_reply_after_the_pieces_before_it()
    {
        _server.Enqueue(FakeReply.Malformed("Keyformer keeps"));

        var (pieces, error) = await StreamAsync(Client());

        Assert.Equal("Keyformer keeps", pieces);
        AssertOneLine(error, "malformed reply");
    }

    [Fact]
    public async Task A_malformed_reply_to_a_plain_call_is_one_line()
    {
        _server.Enqueue(FakeReply.Malformed());

        var error = await Assert.ThrowsAsync<ChatProviderException>(() => Client().GetResponseAsync(Hi));

        AssertOneLine(error, "failed: ");
    }

    [Fact]
    public async Task A_stream_without_its_done_line_is_cut_off_and_keeps_its_pieces()
    {
        _server.Enqueue(FakeReply.CutOff("Keyformer keeps only"));

        var (pieces, error) = await StreamAsync(Client());

        Assert.Equal("Keyformer keeps only", pieces);
        AssertOneLine(error, "cut off");
    }

    [Fact]
    public async Task A_done_line_without_a_message_is_an_empty_reply()
    {
        _server.Enqueue(FakeReply.EmptyChoices());

        var (_, error) = await StreamAsync(Client());

        AssertOneLine(error, "the reply was empty");
    }

    [Fact]
    public async Task A_stream_that_stalls_after_its_first_tokens_ends_at_the_deadline()
    {
        _server.Enqueue(FakeReply.Stall("Keyformer", TimeSpan.FromMinutes(5)));

        var (pieces, error) = await StreamAsync(Client(timeoutSeconds: 2));

        Assert.Equal("Keyformer", pieces.Trim());
        AssertOneLine(error, "timed out: no complete reply within Chat:Timeout (2 s)");
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
        Assert.DoesNotContain(Key, _logs.AllText);
    }

    [Fact]
    public async Task A_refused_connection_is_one_line()
    {
        var closed = OpenAiFaultTests.ClosedPort();

        var (_, error) = await StreamAsync(Client(maxRetries: 1, endpoint: new Uri($"http://127.0.0.1:{closed.Port}")));

        AssertOneLine(error, "cannot connect");
    }

    [Fact]
    public async Task A_persistent_500_is_one_line_and_leaves_no_stack_trace_in_the_logs()
    {
        var (_, error) = await StreamAsync(Client());

        AssertOneLine(error, "500");
        Assert.DoesNotContain(_logs.Entries, e => e.Exception is not null);
        Assert.DoesNotContain(" at ", _logs.AllText);
    }

    [Fact]
    public async Task A_connection_dropped_mid_stream_keeps_the_pieces_and_is_one_line()
    {
        _server.Enqueue(FakeReply.Drop("Keyformer keeps"));

        var (pieces, error) = await StreamAsync(Client());

        Assert.Equal("Keyformer keeps", pieces.Trim());
        Assert.DoesNotContain("unexpected", error.Message);
        AssertOneLine(error, "failed: ");
    }

    [Fact]
    public async Task A_stream_that_never_idles_but_never_ends_stops_at_the_deadline()
    {
        _server.Enqueue(FakeReply.Drip(TimeSpan.FromMilliseconds(200)));

        var (pieces, error) = await StreamAsync(Client(timeoutSeconds: 2));

        Assert.StartsWith("more", pieces.Trim());
        AssertOneLine(error, "timed out: no complete reply within Chat:Timeout (2 s)");
    }

    [Fact]
    public async Task Cancelling_the_call_is_a_cancellation_not_a_provider_failure()
    {
        _server.Enqueue(FakeReply.Stall("Keyformer", TimeSpan.FromMinutes(5)));
        using var cancel = new CancellationTokenSource();

        var pieces = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in Client(maxRetries: 2).GetStreamingResponseAsync(Hi, cancellationToken: cancel.Token))
            {
                pieces++;
                await cancel.CancelAsync();
            }
        });

        Assert.Equal(1, pieces);
    }

    [Fact]
    public async Task Running_out_of_time_while_retrying_says_what_the_tries_met()
    {
        var (_, error) = await StreamAsync(Client(maxRetries: 8, timeoutSeconds: 3, endpoint: new Uri($"http://127.0.0.1:{OpenAiFaultTests.ClosedPort().Port}")));

        AssertOneLine(error, "timed out: no complete reply within Chat:Timeout (3 s); the last try failed: cannot connect");
    }

    private static void AssertOneLine(ChatProviderException error, string expected)
    {
        Assert.StartsWith("The language model (Ollama model 'llama3.2' at ", error.Message);
        Assert.True(error.Message.Contains(expected, StringComparison.Ordinal), error.Message);
        Assert.DoesNotContain('\n', error.Message);
        Assert.DoesNotContain(Key, error.Message);
    }

    private static async Task<(string Pieces, ChatProviderException Error)> StreamAsync(IChatClient client)
    {
        var pieces = "";
        var error = await Assert.ThrowsAsync<ChatProviderException>(async () =>
        {
            await foreach (var update in client.GetStreamingResponseAsync(Hi)) pieces += update.Text;
        });
        return (pieces.Trim(), error);
    }
}
