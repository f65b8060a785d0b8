using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using ResearchBot.ChatClients;
using ResearchBot.TestSupport.OpenAi;

namespace ResearchBot.Core.Tests.ChatClients;

/// <summary>
/// Every fault of an OpenAI-compatible provider, over real HTTP against the fake server: the shared ones
/// (<see cref="ChatProviderFaultTests"/>) and those only this provider has (empty choices, Retry-After on 503, the
/// 401 text it echoes, retries that give up); none shows the key, and no log entry at the default level carries a stack trace.
/// </summary>
public sealed class OpenAiFaultTests : ChatProviderFaultTests
{
    private FakeOpenAiServer _server = null!;

    private protected override string Key => "sk-proj-Zq81xVv0Lw3TtBn7Ks9";
    private protected override string MessagePrefix => "The language model (OpenAI model 'test-model' at ";
    private protected override Uri Endpoint => _server.Endpoint;
    private protected override string EndpointPath => "/v1";
    private protected override ChatProvider Provider => ChatProvider.OpenAI;
    private protected override string Model => "test-model";

    private protected override void Enqueue(params FakeReply[] replies) => _server.Enqueue(replies);

    public override async Task InitializeAsync() => _server = await FakeOpenAiServer.StartAsync();

    public override async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_reply_that_is_not_JSON_is_a_malformed_reply()
    {
        _server.Enqueue(FakeReply.Malformed());

        var error = await Assert.ThrowsAsync<ChatProviderException>(() => Client().GetResponseAsync(Hi));

        AssertOneLine(error, "malformed reply");
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
        var error = await Assert.ThrowsAsync<ChatProviderException>(() => Client(maxRetries: 2, endpoint: ClosedPort(EndpointPath)).GetResponseAsync(Hi));

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

        Assert.DoesNotContain(Logs.Entries, e => e.Exception is not null);
        Assert.DoesNotContain(" at ", Logs.AllText);
        Assert.DoesNotContain(Key, Logs.AllText);
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
}
