using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace ResearchBot.Discord.Gateway;

/// <summary>One gateway connection: Hello, Identify or Resume, heartbeats, events, until it ends.</summary>
internal sealed class GatewayConnection(
    GatewaySocket socket,
    GatewaySession session,
    GatewayIdentity identity,
    IGatewayEventHandler handler,
    TimeProvider time,
    IGatewayRandom random,
    ILogger log)
{
    /// <summary>The close code the client uses when it means to resume (anything but 1000/1001).</summary>
    public const int ResumeCloseCode = 4900;

    private readonly CancellationTokenSource _abort = new(Timeout.InfiniteTimeSpan, time);
    private ConnectionOutcome? _outcome;
    private int _ending;
    private volatile bool _acked = true;

    /// <summary>True once READY or RESUMED arrived on this connection.</summary>
    public bool Established { get; private set; }

    public async Task<ConnectionOutcome> RunAsync(Uri uri, bool resume, CancellationToken stop)
    {
        await socket.ConnectAsync(uri, stop);
        Task heartbeat = Task.CompletedTask;
        using var heartbeatStop = CancellationTokenSource.CreateLinkedTokenSource(_abort.Token);
        using var stopRegistration = stop.Register(() => _ = StopAsync());
        try
        {
            while (true)
            {
                var frame = await socket.ReceiveAsync(_abort.Token);
                if (frame is null) return _outcome ?? ClosedByServer();
                switch (frame.Op)
                {
                    case GatewayOpCode.Hello:
                        var interval = TimeSpan.FromMilliseconds(frame.D.GetProperty("heartbeat_interval").GetDouble());
                        heartbeat = HeartbeatAsync(interval, heartbeatStop.Token);
                        await IdentifyOrResumeAsync(resume && session.CanResume);
                        break;
                    case GatewayOpCode.HeartbeatAck:
                        _acked = true;
                        break;
                    case GatewayOpCode.Heartbeat:
                        await socket.SendAsync(GatewayOpCode.Heartbeat, session.LastSequence, _abort.Token);
                        break;
                    case GatewayOpCode.Reconnect:
                        log.LogInformation("Gateway asked to reconnect; resuming");
                        await AbandonAsync(ConnectionOutcome.Resume);
                        break;
                    case GatewayOpCode.InvalidSession:
                        await InvalidSessionAsync(frame.D.ValueKind == JsonValueKind.True);
                        break;
                    case GatewayOpCode.Dispatch:
                        await DispatchAsync(frame, stop);
                        break;
                }
            }
        }
        catch (Exception ex) when (_outcome is { } outcome && ex is OperationCanceledException or WebSocketException)
        {
            return outcome;
        }
        finally
        {
            stopRegistration.Dispose();
            await heartbeatStop.CancelAsync();
            await heartbeat.ContinueWith(_ => { }, TaskScheduler.Default);
            _abort.Dispose();
        }
    }

    private ConnectionOutcome ClosedByServer()
    {
        var code = (int?)socket.CloseStatus;
        switch (GatewayCloseCodes.Classify(code))
        {
            case CloseAction.Fatal:
                throw new GatewayFatalException(code!.Value, socket.CloseDescription);
            case CloseAction.Reidentify:
                log.LogWarning("Gateway closed with {Code}; identifying afresh", code);
                session.Invalidate();
                return ConnectionOutcome.Reidentify;
            default:
                log.LogWarning("Gateway closed with {Code}; resuming", code);
                return ConnectionOutcome.Resume;
        }
    }

    private Task IdentifyOrResumeAsync(bool resume)
    {
        if (resume)
        {
            log.LogInformation("Resuming session at sequence {Seq}", session.LastSequence);
            return socket.SendAsync(GatewayOpCode.Resume, identity.ResumePayload(session), _abort.Token);
        }
        log.LogInformation("Identifying with intents {Intents}", identity.Intents);
        return socket.SendAsync(GatewayOpCode.Identify, identity.IdentifyPayload(), _abort.Token);
    }

    private async Task HeartbeatAsync(TimeSpan interval, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(interval * random.NextDouble(), time, cancellationToken);
            while (!cancellationToken.IsCancellationRequested)
            {
                if (!_acked)
                {
                    log.LogWarning("No heartbeat ACK: the connection is a zombie; reconnecting to resume");
                    await AbandonAsync(ConnectionOutcome.Resume);
                    return;
                }
                _acked = false;
                await socket.SendAsync(GatewayOpCode.Heartbeat, session.LastSequence, cancellationToken);
                await Task.Delay(interval, time, cancellationToken);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or ObjectDisposedException) { }
    }

    private async Task InvalidSessionAsync(bool resumable)
    {
        if (resumable)
        {
            log.LogWarning("Invalid session (resumable); reconnecting to resume");
            await AbandonAsync(ConnectionOutcome.Resume);
            return;
        }
        session.Invalidate();
        var wait = TimeSpan.FromSeconds(1 + 4 * random.NextDouble());
        log.LogWarning("Invalid session; identifying afresh in {Wait}", wait);
        await Task.Delay(wait, time, _abort.Token);
        await IdentifyOrResumeAsync(resume: false);
    }

    private async Task DispatchAsync(GatewayPayload frame, CancellationToken stop)
    {
        session.Track(frame.S);
        var type = frame.T ?? "";
        if (type == "READY")
        {
            var d = frame.D;
            session.Ready(
                d.GetProperty("session_id").GetString()!,
                d.GetProperty("resume_gateway_url").GetString()!,
                ulong.Parse(d.GetProperty("user").GetProperty("id").GetString()!),
                ulong.Parse(d.GetProperty("application").GetProperty("id").GetString()!));
            Established = true;
            log.LogInformation("Gateway READY as user {UserId}", session.BotUserId);
        }
        else if (type == "RESUMED")
        {
            Established = true;
            log.LogInformation("Gateway session resumed");
        }
        try
        {
            await handler.HandleAsync(new GatewayDispatch(type, frame.S ?? 0, frame.D), stop);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            log.LogError(ex, "Handler failed for {Event}", type);
        }
    }

    /// <summary>Ends the connection with a non-1000 close so the session stays resumable.</summary>
    private async Task AbandonAsync(ConnectionOutcome outcome)
    {
        if (Interlocked.Exchange(ref _ending, 1) == 1) return;
        _outcome = outcome;
        await socket.CloseOutputAsync(ResumeCloseCode, "reconnecting", CancellationToken.None);
        await _abort.CancelAsync();
    }

    private async Task StopAsync()
    {
        if (Interlocked.Exchange(ref _ending, 1) == 1) return;
        _outcome = ConnectionOutcome.Stopped;
        try
        {
            await socket.CloseOutputAsync(1000, "shutting down", CancellationToken.None);
            _abort.CancelAfter(TimeSpan.FromSeconds(5));
        }
        catch (ObjectDisposedException) { }
    }
}
