using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ResearchBot.Discord.Rest;
using ResearchBot.Discord.Rest.Models;
using ResearchBot.Discord.Tests.Support;
using ResearchBot.TestSupport.Discord;

namespace ResearchBot.Discord.Tests;

/// <summary>The REST client and its rate-limit handler against the emulator, on a fake clock.</summary>
public sealed class RestTests : IAsyncLifetime
{
    private readonly TestClock _clock = new();
    private DiscordEmulator _emulator = null!;
    private DiscordRestClient _rest = null!;

    private EmulatedRest Server => _emulator.Rest;

    public async Task InitializeAsync()
    {
        _emulator = await DiscordEmulator.StartAsync();
        var handler = new RateLimitHandler(_clock, NullLogger<RateLimitHandler>.Instance) { InnerHandler = new SocketsHttpHandler() };
        var http = new HttpClient(handler) { BaseAddress = new Uri(_emulator.ApiBaseUrl + "/") };
        _rest = new DiscordRestClient(http, Options.Create(new DiscordOptions { Token = "tok", ApiBaseUrl = _emulator.ApiBaseUrl }));
    }

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public async Task Bot_routes_are_authorized_and_webhook_routes_are_not()
    {
        await _rest.CreateMessageAsync("1", new OutgoingMessage("hi"));
        await _rest.CreateInteractionResponseAsync("77", "itok", InteractionResponse.Deferred);
        await _rest.EditOriginalResponseAsync("2000", "itok", new OutgoingMessage("done"));

        var requests = Server.Requests.Snapshot();

        Assert.Equal("Bot tok", requests[0].Authorization);
        Assert.Null(requests[1].Authorization);
        Assert.Null(requests[2].Authorization);
        Assert.All(requests, r => Assert.Matches(@"^DiscordBot \(https?://\S+, [\w.]+\)$", r.UserAgent));
    }

    [Fact]
    public async Task A_429_is_retried_after_retry_after_and_nothing_is_lost()
    {
        Server.Script(r => r.Is("POST", "channels/1/messages"), ScriptedResponse.TooManyRequests(2.5));

        var send = _rest.CreateMessageAsync("1", new OutgoingMessage("important [1]"));
        await _clock.Timers.WaitForAsync(t => t.Due == TimeSpan.FromSeconds(2.5));
        var beforeWait = Server.Requests.Snapshot();
        _clock.Advance(TimeSpan.FromSeconds(2.5));
        var id = await send.WaitAsync(TimeSpan.FromSeconds(15));

        Assert.Equal([429], beforeWait.Select(r => r.Status));
        Assert.Equal([429, 200], Server.Requests.Snapshot().Select(r => r.Status));
        Assert.Equal("important [1]", Server.MessagesIn("1").Single(m => m.Id == id).Content);
    }

    [Fact]
    public async Task A_global_429_pauses_every_route()
    {
        Server.Script(r => r.Is("POST", "channels/1/messages"), ScriptedResponse.TooManyRequests(3, global: true));

        var first = _rest.CreateMessageAsync("1", new OutgoingMessage("one"));
        await _clock.Timers.WaitForAsync(t => t.Due == TimeSpan.FromSeconds(3));
        var second = _rest.CreateMessageAsync("2", new OutgoingMessage("two"));
        await _clock.Timers.WaitForCountAsync(t => t.Due == TimeSpan.FromSeconds(3), 2);
        var paused = Server.Requests.Snapshot();
        _clock.Advance(TimeSpan.FromSeconds(3));
        await Task.WhenAll(first, second).WaitAsync(TimeSpan.FromSeconds(15));

        Assert.Single(paused);
        Assert.Single(Server.MessagesIn("1"));
        Assert.Single(Server.MessagesIn("2"));
    }

    [Fact]
    public async Task An_exhausted_bucket_makes_the_next_request_wait_for_its_reset()
    {
        Server.Script(r => r.Is("POST", "channels/1/messages"), ScriptedResponse.WithRateLimit("bucket-a", 5, 0, 4));
        await _rest.CreateMessageAsync("1", new OutgoingMessage("first"));

        var next = _rest.CreateMessageAsync("1", new OutgoingMessage("second"));
        await _clock.Timers.WaitForAsync(t => t.Due == TimeSpan.FromSeconds(4));
        await _rest.CreateMessageAsync("9", new OutgoingMessage("another channel is another bucket"));
        var whileWaiting = Server.Requests.Snapshot().Select(r => r.Path).ToList();
        _clock.Advance(TimeSpan.FromSeconds(4));
        await next.WaitAsync(TimeSpan.FromSeconds(15));

        Assert.Equal(["channels/1/messages", "channels/9/messages"], whileWaiting);
        Assert.Equal(["first", "second"], Server.MessagesIn("1").Select(m => m.Content));
    }

    [Fact]
    public async Task Server_errors_are_retried_with_backoff()
    {
        Server.Script(r => r.Is("POST", "channels/1/messages"), new ScriptedResponse(502, """{"message":"bad gateway"}"""));

        var send = _rest.CreateMessageAsync("1", new OutgoingMessage("retry me"));
        await _clock.FireAsync(TimeSpan.FromMilliseconds(500));
        await send.WaitAsync(TimeSpan.FromSeconds(15));

        Assert.Equal([502, 200], Server.Requests.Snapshot().Select(r => r.Status));
        Assert.Equal("retry me", Server.MessagesIn("1").Single().Content);
    }

    [Fact]
    public async Task Client_errors_are_not_retried_and_surface_with_the_route()
    {
        var error = await Assert.ThrowsAsync<DiscordApiException>(() => _rest.EditMessageAsync("1", "404404", new OutgoingMessage("x")));

        Assert.Equal(HttpStatusCode.NotFound, error.Status);
        Assert.Contains("channels/1/messages/{id}", error.Message);
        Assert.Single(Server.Requests.Snapshot());
    }

    [Fact]
    public async Task Every_message_body_pings_nobody()
    {
        await _rest.CreateMessageAsync("1", new OutgoingMessage("@everyone look", Reference: new MessageReference("5")));

        var body = Server.Requests.Snapshot().Single().Json;

        Assert.Equal(0, body.GetProperty("allowed_mentions").GetProperty("parse").GetArrayLength());
        Assert.False(body.GetProperty("allowed_mentions").GetProperty("replied_user").GetBoolean());
        Assert.False(body.GetProperty("message_reference").GetProperty("fail_if_not_exists").GetBoolean());
    }
}
