using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using ResearchBot.ChatClients;
using ResearchBot.TestSupport.OpenAi;

namespace ResearchBot.Core.Tests.ChatClients;

/// <summary>
/// The faults every chat provider meets the same way, run once per provider against its local test server: each ends
/// in one <see cref="ChatProviderException"/> line naming the provider and the cause, never the key, keeping the pieces
/// a stream gave before it failed. Provider-specific faults stay in the derived classes.
/// </summary>
public abstract class ChatProviderFaultTests : IAsyncLifetime
{
    private protected static readonly ChatMessage[] Hi = [new(ChatRole.User, "hi")];

    private protected RecordingLoggerFactory Logs { get; } = new(LogLevel.Warning);

    /// <summary>The API key the client is configured with (it must never show).</summary>
    private protected abstract string Key { get; }

    /// <summary>How every failure of this provider starts, e.g. "The language model (OpenAI model 'm' at ".</summary>
    private protected abstract string MessagePrefix { get; }

    /// <summary>The provider's test server, started for each test.</summary>
    private protected abstract Uri Endpoint { get; }

    /// <summary>The path a client of this provider appends to a bare host (for an endpoint nothing listens on).</summary>
    private protected virtual string EndpointPath => "";

    private protected abstract ChatProvider Provider { get; }

    private protected abstract string Model { get; }

    /// <summary>Queues replies on the provider's test server.</summary>
    private protected abstract void Enqueue(params FakeReply[] replies);

    public abstract Task InitializeAsync();

    public abstract Task DisposeAsync();

    private protected IChatClient Client(int maxRetries = 0, double timeoutSeconds = 20, Uri? endpoint = null) => ChatClientFactory.Create(new ChatSettings
    {
        Provider = Provider,
        Endpoint = (endpoint ?? Endpoint).ToString(),
        Model = Model,
        ApiKey = Key,
        MaxRetries = maxRetries,
        Timeout = TimeSpan.FromSeconds(timeoutSeconds),
    }, Logs)!;

    [Fact]
    public async Task A_stream_piece_that_is_not_JSON_is_a_malformed_reply_after_the_pieces_before_it()
    {
        Enqueue(FakeReply.Malformed("Keyformer keeps"));

        var (pieces, error) = await StreamAsync(Client());

        Assert.Equal("Keyformer keeps", pieces);
        AssertOneLine(error, "malformed reply");
    }

    [Fact]
    public async Task A_stream_that_ends_before_it_says_it_is_done_is_cut_off_and_keeps_its_pieces()
    {
        Enqueue(FakeReply.CutOff("Keyformer keeps only"));

        var (pieces, error) = await StreamAsync(Client());

        Assert.Equal("Keyformer keeps only", pieces);
        AssertOneLine(error, "cut off");
    }

    [Fact]
    public async Task A_stream_that_stalls_after_its_first_tokens_ends_at_the_deadline()
    {
        Enqueue(FakeReply.Stall("Keyformer", TimeSpan.FromMinutes(5)));

        var (pieces, error) = await StreamAsync(Client(timeoutSeconds: 2));

        Assert.Equal("Keyformer", pieces);
        AssertOneLine(error, "timed out: no complete reply within Chat:Timeout (2 s)");
    }

    [Fact]
    public async Task A_connection_dropped_mid_stream_keeps_the_pieces_and_is_one_line()
    {
        Enqueue(FakeReply.Drop("Keyformer keeps"));

        var (pieces, error) = await StreamAsync(Client());

        Assert.Equal("Keyformer keeps", pieces.Trim());
        Assert.DoesNotContain("unexpected", error.Message);
        AssertOneLine(error, "failed: ");
    }

    [Fact]
    public async Task A_stream_that_never_idles_but_never_ends_stops_at_the_deadline()
    {
        Enqueue(FakeReply.Drip(TimeSpan.FromMilliseconds(200)));

        var (pieces, error) = await StreamAsync(Client(timeoutSeconds: 2));

        Assert.StartsWith("more", pieces.Trim());
        AssertOneLine(error, "timed out: no complete reply within Chat:Timeout (2 s)");
    }

    [Fact]
    public async Task Cancelling_the_call_is_a_cancellation_not_a_provider_failure()
    {
        Enqueue(FakeReply.Stall("Keyformer", TimeSpan.FromMinutes(5)));
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
        var (_, error) = await StreamAsync(Client(maxRetries: 8, timeoutSeconds: 3, endpoint: ClosedPort(EndpointPath)));

        AssertOneLine(error, "timed out: no complete reply within Chat:Timeout (3 s); the last try failed: cannot connect");
    }

    private protected void AssertOneLine(ChatProviderException error, string expected)
    {
        Assert.StartsWith(MessagePrefix, error.Message);
        Assert.True(error.Message.Contains(expected, StringComparison.Ordinal), error.Message);
        Assert.DoesNotContain('\n', error.Message);
        Assert.DoesNotContain(Key, error.Message);
    }

    /// <summary>The streamed text as the provider's pieces add up (Ollama's first piece may carry a leading space).</summary>
    private protected virtual string Received(string pieces) => pieces;

    /// <summary>Streams a reply that must fail: the text it gave before failing and the failure.</summary>
    private protected async Task<(string Pieces, ChatProviderException Error)> StreamAsync(IChatClient client)
    {
        var pieces = "";
        var error = await Assert.ThrowsAsync<ChatProviderException>(async () =>
        {
            await foreach (var update in client.GetStreamingResponseAsync(Hi)) pieces += update.Text;
        });
        return (Received(pieces), error);
    }

    /// <summary>A loopback URL nothing listens on.</summary>
    internal static Uri ClosedPort(string path = "")
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"http://127.0.0.1:{port}{path}");
    }
}
