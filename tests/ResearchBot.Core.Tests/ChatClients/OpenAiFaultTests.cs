using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using ResearchBot.ChatClients;
using ResearchBot.TestSupport.OpenAi;

namespace ResearchBot.Core.Tests.ChatClients;

/// <summary>
/// Every fault of an OpenAI-compatible provider, over real HTTP against the fake server: each ends in one
/// <see cref="ChatProviderException"/> line naming the provider and the cause, never the key, and no log entry at the
/// default level carries a stack trace.
/// </summary>
public sealed class OpenAiFaultTests : IAsyncLifetime
{
    private const string Key = "sk-proj-Zq81xVv0Lw3TtBn7Ks9";
    private FakeOpenAiServer _server = null!;
    private readonly RecordingLoggerFactory _logs = new(LogLevel.Warning);

    public async Task InitializeAsync() => _server = await FakeOpenAiServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private IChatClient Client(int maxRetries = 0, double timeoutSeconds = 20, Uri? endpoint = null) => ChatClientFactory.Create(new ChatSettings
    {
        Provider = ChatProvider.OpenAI,
        Endpoint = (endpoint ?? _server.Endpoint).ToString(),
        Model = "test-model",
        ApiKey = Key,
        MaxRetries = maxRetries,
        Timeout = TimeSpan.FromSeconds(timeoutSeconds),
    }, _logs)!;

    private static readonly ChatMessage[] Hi = [new(ChatRole.User, "hi")];

    [Fact]
    public async Task A_reply_that_is_not_JSON_is_a_malformed_reply()
    {
        _server.Enqueue(FakeReply.Malformed());

        var error = await Assert.ThrowsAsync<ChatProviderException>(() => Client().GetResponseAsync(Hi));

        AssertOneLine(error, "malformed reply");
    }

    [Fact]
    public async Task A_stream_event_that_is_not_JSON_is_a_malformed_reply_after_the_pieces_before_it()
    {
        _server.Enqueue(FakeReply.Malformed("Keyformer keeps"));

        var (pieces, error) = await StreamAsync(Client());

        Assert.Equal("Keyformer keeps", pieces);
        AssertOneLine(error, "malformed reply");
    }

    [Fact]
    public async Task A_stream_that_ends_without_a_finish_reason_is_cut_off_and_keeps_its_pieces()
    {
        _server.Enqueue(FakeReply.CutOff("Keyformer keeps only"));

        var (pieces, error) = await StreamAsync(Client());

        Assert.Equal("Keyformer keeps only", pieces);
        AssertOneLine(error, "cut off");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task No_choices_is_an_empty_reply(bool stream)
    {
        _server.Enqueue(FakeReply.EmptyChoices());

        var error = stream
            ? (await StreamAsync(Client())).Error
            : await Assert.ThrowsAsync<ChatProviderException>(() => Client().GetResponseAsync(Hi));

        AssertOneLine(error, "the reply was empty");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task An_answer_without_text_is_an_empty_reply(bool stream)
    {
        _server.Enqueue(FakeReply.Text("  "));

        var error = stream
            ? (await StreamAsync(Client())).Error
            : await Assert.ThrowsAsync<ChatProviderException>(() => Client().GetResponseAsync(Hi));

        AssertOneLine(error, "the reply was empty");
    }

    [Fact]
    public async Task A_stream_that_stalls_after_its_first_tokens_ends_at_the_deadline()
    {
        _server.Enqueue(FakeReply.Stall("Keyformer", TimeSpan.FromMinutes(5)));

        var (pieces, error) = await StreamAsync(Client(timeoutSeconds: 2));

        Assert.Equal("Keyformer", pieces);
        AssertOneLine(error, "timed out: no complete reply within Chat:Timeout (2 s)");
    }

    [Fact]
    public async Task The_deadline_covers_retries_too()
    {
        _server.Fallback = _ => FakeReply.Hang(TimeSpan.FromMinutes(5));

        var error = await Assert.ThrowsAsync<ChatProviderException>(() => Client(maxRetries: 3, timeoutSeconds: 2).GetResponseAsync(Hi));

        AssertOneLine(error, "timed out");
    }

    [Theory]
    [InlineData(429, "rate limited by OpenAI; retry after 600 s")]
    [InlineData(503, "unavailable by OpenAI; retry after 600 s")]
    public async Task A_Retry_After_longer_than_the_timeout_fails_at_once(int status, string expected)
    {
        _server.Fallback = _ => FakeReply.Status(status, retryAfter: "600");

        var error = await Assert.ThrowsAsync<ChatProviderException>(() => Client(maxRetries: 3, timeoutSeconds: 30).GetResponseAsync(Hi));

        Assert.Single(_server.Requests);
        AssertOneLine(error, expected);
    }

    [Fact]
    public async Task A_Retry_After_date_far_ahead_fails_at_once_too()
    {
        _server.Fallback = _ => FakeReply.Status(429, retryAfter: DateTimeOffset.UtcNow.AddHours(1).ToString("R"));

        var (_, error) = await StreamAsync(Client(maxRetries: 2, timeoutSeconds: 30));

        Assert.Single(_server.Requests);
        AssertOneLine(error, "rate limited by OpenAI; retry after");
    }

    [Fact]
    public async Task A_401_that_echoes_the_key_never_shows_it()
    {
        _server.Enqueue(FakeReply.RejectKey());

        var error = await Assert.ThrowsAsync<ChatProviderException>(() => Client().GetResponseAsync(Hi));

        AssertOneLine(error, "HTTP 401 (check Chat:ApiKey): Incorrect API key provided: [redacted]");
        Assert.DoesNotContain(Key, error.ToString());
    }

    [Fact]
    public async Task A_refused_connection_with_retries_is_one_line_not_an_aggregate()
    {
        var error = await Assert.ThrowsAsync<ChatProviderException>(() => Client(maxRetries: 2, endpoint: ClosedPort()).GetResponseAsync(Hi));

        AssertOneLine(error, "cannot connect");
        Assert.Contains("gave up after 3 tries", error.Message);
    }

    [Fact]
    public async Task A_persistent_500_while_streaming_is_one_line()
    {
        _server.Fallback = _ => FakeReply.Status(500);

        var (_, error) = await StreamAsync(Client(maxRetries: 1));

        AssertOneLine(error, "HTTP 500 (server error; retries exhausted)");
    }

    [Fact]
    public async Task Failures_leave_no_stack_trace_in_the_logs_at_the_default_level()
    {
        _server.Enqueue(FakeReply.Malformed(), FakeReply.RejectKey(), FakeReply.Status(500));
        var client = Client();

        for (var i = 0; i < 3; i++) await Assert.ThrowsAsync<ChatProviderException>(() => client.GetResponseAsync(Hi));

        Assert.DoesNotContain(_logs.Entries, e => e.Exception is not null);
        Assert.DoesNotContain(" at ", _logs.AllText);
        Assert.DoesNotContain(Key, _logs.AllText);
    }

    [Fact]
    public async Task At_debug_level_the_failure_details_are_logged_without_the_key()
    {
        var debug = new RecordingLoggerFactory(LogLevel.Debug);
        _server.Enqueue(FakeReply.RejectKey());
        var client = ChatClientFactory.Create(new ChatSettings
        {
            Provider = ChatProvider.OpenAI, Endpoint = _server.Endpoint.ToString(), Model = "test-model", ApiKey = Key, MaxRetries = 0,
        }, debug)!;

        await Assert.ThrowsAsync<ChatProviderException>(() => client.GetResponseAsync(Hi));

        Assert.Contains(debug.Entries, e => e.Level == LogLevel.Debug && e.Exception is ChatProviderException);
        Assert.DoesNotContain(Key, debug.AllText);
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
        var (_, error) = await StreamAsync(Client(maxRetries: 8, timeoutSeconds: 3, endpoint: ClosedPort()));

        AssertOneLine(error, "timed out: no complete reply within Chat:Timeout (3 s); the last try failed: cannot connect");
    }

    private static void AssertOneLine(ChatProviderException error, string expected)
    {
        Assert.StartsWith("The language model (OpenAI model 'test-model' at ", error.Message);
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
        return (pieces, error);
    }

    /// <summary>A loopback URL nothing listens on.</summary>
    internal static Uri ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"http://127.0.0.1:{port}/v1");
    }
}
