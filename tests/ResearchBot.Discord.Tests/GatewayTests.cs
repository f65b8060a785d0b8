using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ResearchBot.Discord.Gateway;
using ResearchBot.Discord.Tests.Support;
using ResearchBot.TestSupport.Discord;

namespace ResearchBot.Discord.Tests;

/// <summary>The Gateway v10 client, end to end against the emulator.</summary>
public class GatewayTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(40);

    private static Task<BotHarness> StartAsync(Action<EmulatedGateway>? gateway = null, double random = 0.25) =>
        BotHarness.StartAsync(gateway: g => { g.HeartbeatIntervalMs = (int)Interval.TotalMilliseconds; gateway?.Invoke(g); }, random: random);

    [Fact]
    public async Task Hello_Identify_Ready_with_the_right_intents_and_properties()
    {
        await using var bot = await StartAsync();
        await bot.ReadyAsync();

        var gatewayBot = bot.Rest.Requests.Snapshot().Single(r => r.Is("GET", "gateway/bot"));
        var identify = bot.Gateway.FromClient(2).Single().Data;
        var properties = identify.GetProperty("properties");

        Assert.Equal($"Bot {BotHarness.Token}", gatewayBot.Authorization);
        Assert.StartsWith("DiscordBot (https://", gatewayBot.UserAgent);
        Assert.Equal(BotHarness.Token, identify.GetProperty("token").GetString());
        Assert.Equal((1 << 0) | (1 << 9) | (1 << 10) | (1 << 12) | (1 << 13) | (1 << 15), identify.GetProperty("intents").GetInt32());
        Assert.All(new[] { "os", "browser", "device" }, p => Assert.False(string.IsNullOrEmpty(properties.GetProperty(p).GetString())));
        Assert.Equal("/gateway", bot.Gateway.Connections.Snapshot().Single().Path);
    }

    [Fact]
    public async Task Heartbeats_first_jittered_then_at_the_interval_with_the_last_sequence()
    {
        await using var bot = await StartAsync(random: 0.25);
        await bot.ReadyAsync();

        await bot.Clock.FireAsync(Interval * 0.25);
        var first = await bot.Gateway.WaitForClientAsync(1);
        await bot.MentionAsync("m1", "anything new?");
        await bot.WaitForMessageAsync(m => m.ReplyTo == "m1", "the reply, which shows the event was handled");
        await bot.Clock.FireAsync(Interval);
        var second = await bot.Gateway.WaitForClientAsync(1, 2);

        Assert.Equal(1, first.Data.GetInt64());
        Assert.Equal(2, second.Data.GetInt64());
    }

    [Fact]
    public async Task A_heartbeat_request_from_the_server_is_answered_at_once()
    {
        await using var bot = await StartAsync();
        await bot.ReadyAsync();

        await bot.Gateway.SendOpAsync(1, null);
        var heartbeat = await bot.Gateway.WaitForClientAsync(1);

        Assert.Equal(1, heartbeat.Data.GetInt64());
    }

    [Fact]
    public async Task A_missed_heartbeat_ACK_makes_a_zombie_that_is_closed_and_resumed()
    {
        await using var bot = await StartAsync(g => g.AutoAck = false, random: 0.5);
        await bot.ReadyAsync();

        await bot.Clock.FireAsync(Interval * 0.5);
        await bot.Gateway.WaitForClientAsync(1);
        await bot.Clock.FireAsync(Interval);
        var resume = await bot.Gateway.WaitForClientAsync(6);
        var connections = bot.Gateway.Connections.Snapshot();

        Assert.NotEqual(1000, await connections[0].ClientClose);
        Assert.Equal("/resume", connections[1].Path);
        Assert.Equal(bot.Gateway.CurrentSession!.Id, resume.Data.GetProperty("session_id").GetString());
        Assert.Equal(1, resume.Data.GetProperty("seq").GetInt64());
        Assert.Single(bot.Gateway.FromClient(2));
    }

    [Fact]
    public async Task Reconnect_op7_resumes_on_the_resume_url_and_missed_events_are_replayed_and_handled()
    {
        await using var bot = await StartAsync();
        await bot.ReadyAsync();
        var session = bot.Gateway.CurrentSession!.Id;
        var gate = bot.Gateway.ResumeGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        await bot.Gateway.SendOpAsync(7, null);
        await bot.Gateway.Connections.Snapshot()[0].ClientClose;
        var resume = await bot.Gateway.WaitForClientAsync(6);
        await bot.MentionAsync("m1", "what is new in retrieval?");
        gate.SetResult();
        var replayed = await bot.Gateway.Frames.WaitForAsync(f => !f.FromClient && f.Connection == 2 && f.Type == "MESSAGE_CREATE");
        var reply = await bot.WaitForMessageAsync(m => m.ReplyTo == "m1" && m.Embeds is { } e && e.GetArrayLength() > 0, "the reply to the replayed mention");

        Assert.NotEqual(1000, await bot.Gateway.Connections.Snapshot()[0].ClientClose);
        Assert.Equal("/resume", bot.Gateway.Connections.Snapshot()[1].Path);
        Assert.Equal(session, resume.Data.GetProperty("session_id").GetString());
        Assert.Equal(1, resume.Data.GetProperty("seq").GetInt64());
        Assert.Equal(2, replayed.Seq);
        Assert.Contains("retrieval helps [1]", reply.Content);
        Assert.Single(bot.Gateway.FromClient(2));
        Assert.Contains(bot.Gateway.Frames.Snapshot(), f => f.Type == "RESUMED");
    }

    [Fact]
    public async Task Invalid_session_not_resumable_identifies_afresh_after_a_random_wait()
    {
        await using var bot = await StartAsync(random: 0.5);
        await bot.ReadyAsync();

        await bot.Gateway.SendOpAsync(9, false);
        await bot.Clock.FireAsync(TimeSpan.FromSeconds(1 + 4 * 0.5));
        var identify = await bot.Gateway.WaitForClientAsync(2, 2);
        await bot.Gateway.Frames.WaitForCountAsync(f => !f.FromClient && f.Type == "READY", 2);

        Assert.Equal(BotHarness.Token, identify.Data.GetProperty("token").GetString());
        Assert.Empty(bot.Gateway.FromClient(6));
        Assert.Equal("session-2", bot.Gateway.CurrentSession!.Id);
    }

    [Fact]
    public async Task A_resumable_close_code_from_the_server_leads_to_a_resume()
    {
        await using var bot = await StartAsync();
        await bot.ReadyAsync();

        await bot.Gateway.CloseAsync(4000, "unknown error");
        var resume = await bot.Gateway.WaitForClientAsync(6);

        Assert.Equal("session-1", resume.Data.GetProperty("session_id").GetString());
        Assert.Equal("/resume", bot.Gateway.Connections.Snapshot()[1].Path);
    }

    [Fact]
    public async Task Session_timed_out_4009_identifies_afresh_on_the_gateway_url()
    {
        await using var bot = await StartAsync();
        await bot.ReadyAsync();

        await bot.Gateway.CloseAsync(4009, "session timed out");
        await bot.Gateway.WaitForClientAsync(2, 2);

        Assert.Empty(bot.Gateway.FromClient(6));
        Assert.Equal("/gateway", bot.Gateway.Connections.Snapshot()[1].Path);
    }

    [Fact]
    public async Task Close_4004_stops_the_bot_with_a_clear_error_and_a_non_zero_exit_code()
    {
        await using var bot = await StartAsync(g => g.CloseOnIdentify = 4004);
        var lifetime = (IHostApplicationLifetime)bot.Host.Services.GetService(typeof(IHostApplicationLifetime))!;

        var stopping = new TaskCompletionSource();
        lifetime.ApplicationStopping.Register(() => stopping.TrySetResult());
        await stopping.Task.WaitAsync(TimeSpan.FromSeconds(15));
        var critical = await bot.Logs.Lines.WaitForAsync(l => l.Level == LogLevel.Critical);

        Assert.Equal(1, bot.Exit.Code);
        Assert.Contains("4004", critical.Text);
        Assert.Contains("authentication failed", critical.Text);
        Assert.Single(bot.Gateway.Connections.Snapshot());
    }

    [Fact]
    public void Close_codes_are_classified()
    {
        Assert.All(new[] { 4004, 4010, 4011, 4012, 4013, 4014 }, c => Assert.Equal(CloseAction.Fatal, GatewayCloseCodes.Classify(c)));
        Assert.All(new[] { 4000, 4001, 4002, 4003, 4005, 4008 }, c => Assert.Equal(CloseAction.Resume, GatewayCloseCodes.Classify(c)));
        Assert.All(new[] { 4007, 4009 }, c => Assert.Equal(CloseAction.Reidentify, GatewayCloseCodes.Classify(c)));
        Assert.Contains("Message Content", GatewayCloseCodes.Explain(4014));
    }

    [Fact]
    public void Reconnect_backoff_grows_exponentially_and_resets()
    {
        var backoff = new ReconnectBackoff(new FixedRandom(1.0 - 1e-9), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10));

        var waits = Enumerable.Range(0, 6).Select(_ => Math.Round(backoff.Next().TotalSeconds)).ToList();
        backoff.Reset();

        Assert.Equal([0, 1, 2, 4, 8, 10], waits);
        Assert.Equal(TimeSpan.Zero, backoff.Next());
    }

    [Fact]
    public async Task Stopping_the_host_closes_the_gateway_with_1000()
    {
        var bot = await StartAsync();
        await using (bot)
        {
            await bot.ReadyAsync();
            await bot.Host.StopAsync();

            Assert.Equal(1000, await bot.Gateway.Connections.Snapshot()[0].ClientClose.WaitAsync(TimeSpan.FromSeconds(10)));
            Assert.DoesNotContain(bot.Logs.Lines.Snapshot(), l => l.Text.Contains(BotHarness.Token));
        }
    }
}

/// <summary>Gateway start-up details: the Identify budget and a configured gateway URL.</summary>
public class GatewayStartTests
{
    [Fact]
    public async Task An_exhausted_identify_budget_is_waited_out_before_connecting()
    {
        await using var bot = await BotHarness.StartAsync(emulatorSetup: e => e.Rest.Script(r => r.Is("GET", "gateway/bot"), new ScriptedResponse(200,
            $$$"""{"url":"{{{e.GatewayUrl}}}","shards":1,"session_start_limit":{"total":1000,"remaining":0,"reset_after":5000,"max_concurrency":1}}""")));

        await bot.Clock.Timers.WaitForAsync(t => t.Due == TimeSpan.FromSeconds(5), what: "the wait for the Identify budget");
        var connectionsWhileWaiting = bot.Gateway.Connections.Snapshot().Count;
        bot.Clock.Advance(TimeSpan.FromSeconds(5));
        await bot.ReadyAsync();

        Assert.Equal(0, connectionsWhileWaiting);
    }

    [Fact]
    public async Task A_configured_gateway_url_skips_the_gateway_bot_request()
    {
        await using var bot = await BotHarness.StartAsync(new Dictionary<string, string?> { ["GatewayUrl"] = "{gateway}" });
        await bot.ReadyAsync();

        Assert.DoesNotContain(bot.Rest.Requests.Snapshot(), r => r.Is("GET", "gateway/bot"));
        Assert.Equal("/gateway", bot.Gateway.Connections.Snapshot().Single().Path);
    }
}

/// <summary>Reconnecting when the gateway cannot be reached.</summary>
public class GatewayBackoffTests
{
    [Fact]
    public async Task Failed_reconnects_back_off_exponentially_until_the_resume_succeeds()
    {
        await using var bot = await BotHarness.StartAsync(random: 0.5);
        await bot.ReadyAsync();
        bot.Gateway.RejectConnections = 3;

        await bot.Gateway.CloseAsync(4000, "unknown error");
        await bot.Gateway.Rejected.WaitForCountAsync(_ => true, 1);
        // Waits are 1 s, 2 s, 4 s … each times 0.8 + 0.2 × random (0.5 here).
        await bot.Clock.FireAsync(TimeSpan.FromSeconds(0.9));
        await bot.Gateway.Rejected.WaitForCountAsync(_ => true, 2);
        await bot.Clock.FireAsync(TimeSpan.FromSeconds(1.8));
        await bot.Gateway.Rejected.WaitForCountAsync(_ => true, 3);
        await bot.Clock.FireAsync(TimeSpan.FromSeconds(3.6));
        var resume = await bot.Gateway.WaitForClientAsync(6);

        Assert.Equal(["/resume", "/resume", "/resume"], bot.Gateway.Rejected.Snapshot());
        Assert.Equal("session-1", resume.Data.GetProperty("session_id").GetString());
        Assert.Single(bot.Gateway.FromClient(2));
    }
}
