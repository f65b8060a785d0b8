using System.Buffers;
using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace ResearchBot.TestSupport.Discord;

/// <summary>
/// The emulated Gateway v10: Hello, heartbeat ACKs, Identify → READY, Resume → replay + RESUMED, and scripting for tests
/// (dispatch events, send any opcode, close with any code, withhold ACKs, refuse Identify).
/// </summary>
public sealed class EmulatedGateway
{
    private readonly ConcurrentDictionary<string, EmulatedSession> _sessions = new();
    private int _connectionIds;
    private int _sessionIds;

    public string BotUserId { get; } = "1000";
    public string ApplicationId { get; } = "2000";

    /// <summary>The <c>heartbeat_interval</c> sent in Hello, in ms.</summary>
    public int HeartbeatIntervalMs { get; set; } = 41250;

    /// <summary>When false, heartbeats get no ACK (the client should see a zombie connection).</summary>
    public bool AutoAck { get; set; } = true;

    /// <summary>How many of the next connection attempts to refuse with HTTP 503 (to exercise reconnect backoff).</summary>
    public int RejectConnections { get; set; }

    /// <summary>Connection attempts refused so far.</summary>
    public SignalList<string> Rejected { get; } = new();

    /// <summary>When set, an Identify is answered by closing with this code (e.g. 4004).</summary>
    public int? CloseOnIdentify { get; set; }

    /// <summary>Every frame, both ways.</summary>
    public SignalList<GatewayFrame> Frames { get; } = new();

    /// <summary>Every connection, in order.</summary>
    public SignalList<EmulatedConnection> Connections { get; } = new();

    /// <summary>The latest session identified.</summary>
    public EmulatedSession? CurrentSession { get; private set; }

    internal string ResumeUrl { get; set; } = "";

    /// <summary>When set, Resumes wait for it before replaying (so a test can dispatch events the client missed).</summary>
    public TaskCompletionSource? ResumeGate { get; set; }

    /// <summary>Frames the client sent with opcode <paramref name="op"/>.</summary>
    public IReadOnlyList<GatewayFrame> FromClient(int op) => Frames.Snapshot().Where(f => f.FromClient && f.Op == op).ToList();

    /// <summary>Waits for the next client frame with this opcode (the <paramref name="nth"/> one, counting from 1).</summary>
    public async Task<GatewayFrame> WaitForClientAsync(int op, int nth = 1) =>
        (await Frames.WaitForCountAsync(f => f.FromClient && f.Op == op, nth, what: $"client op {op} #{nth}"))[nth - 1];

    /// <summary>Dispatches an event in the current session: sent now when the client is connected, else replayed on Resume.</summary>
    public async Task<long> DispatchAsync(string type, object data)
    {
        var session = CurrentSession ?? throw new InvalidOperationException("No session yet");
        var (seq, element) = session.Record(type, data);
        if (session.Connection is { IsOpen: true } connection) await SendAsync(connection, 0, element, seq, type);
        return seq;
    }

    /// <summary>Sends a raw opcode (7 Reconnect, 9 Invalid Session, 1 Heartbeat request…) on the latest connection.</summary>
    public Task SendOpAsync(int op, object? data) => SendAsync(Latest, op, JsonSerializer.SerializeToElement(data), null, null);

    /// <summary>Closes the latest connection with <paramref name="code"/>.</summary>
    public Task CloseAsync(int code, string reason = "closed by the emulator") => Latest.CloseAsync(code, reason);

    private EmulatedConnection Latest => Connections.Snapshot()[^1];

    internal async Task HandleAsync(HttpContext context, string path)
    {
        if (!context.WebSockets.IsWebSocketRequest) { context.Response.StatusCode = 400; return; }
        if (RejectConnections > 0)
        {
            RejectConnections--;
            Rejected.Add(path);
            context.Response.StatusCode = 503;
            return;
        }
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var connection = new EmulatedConnection(Interlocked.Increment(ref _connectionIds), path, socket);
        Connections.Add(connection);
        try
        {
            await SendAsync(connection, 10, JsonSerializer.SerializeToElement(new { heartbeat_interval = HeartbeatIntervalMs }), null, null);
            while (await ReceiveAsync(connection, socket) is { } frame) await OnFrameAsync(connection, frame);
            connection.Closed((int?)socket.CloseStatus);
            if (socket.State == WebSocketState.CloseReceived)
                await socket.CloseOutputAsync(socket.CloseStatus ?? WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or OperationCanceledException or Microsoft.AspNetCore.Connections.ConnectionAbortedException)
        {
            connection.Closed(null);
        }
        finally
        {
            if (connection.Session is { } s && s.Connection == connection) s.Connection = null;
        }
    }

    private async Task<GatewayFrame?> ReceiveAsync(EmulatedConnection connection, WebSocket socket)
    {
        var buffer = new ArrayBufferWriter<byte>();
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer.GetMemory(4096), CancellationToken.None);
            if (result.MessageType == WebSocketMessageType.Close) return null;
            buffer.Advance(result.Count);
            if (result.EndOfMessage) break;
        }
        var root = JsonDocument.Parse(buffer.WrittenMemory).RootElement;
        var d = root.TryGetProperty("d", out var data) ? data.Clone() : default;
        var frame = new GatewayFrame(connection.Id, true, root.GetProperty("op").GetInt32(), null, null, d);
        Frames.Add(frame);
        return frame;
    }

    private async Task OnFrameAsync(EmulatedConnection connection, GatewayFrame frame)
    {
        switch (frame.Op)
        {
            case 1 when AutoAck:
                await SendAsync(connection, 11, default, null, null);
                break;
            case 2:
                await IdentifyAsync(connection);
                break;
            case 6:
                await ResumeAsync(connection, frame.Data);
                break;
        }
    }

    private async Task IdentifyAsync(EmulatedConnection connection)
    {
        if (CloseOnIdentify is { } code) { await connection.CloseAsync(code, "refused by the emulator"); return; }
        var session = new EmulatedSession($"session-{Interlocked.Increment(ref _sessionIds)}");
        _sessions[session.Id] = session;
        connection.Session = session;
        session.Connection = connection;
        CurrentSession = session;
        var ready = new
        {
            v = 10,
            user = new { id = BotUserId, username = "ResearchBot", bot = true },
            session_id = session.Id,
            resume_gateway_url = ResumeUrl,
            application = new { id = ApplicationId, flags = 0 },
            guilds = Array.Empty<object>(),
        };
        var (seq, element) = session.Record("READY", ready);
        await SendAsync(connection, 0, element, seq, "READY");
    }

    private async Task ResumeAsync(EmulatedConnection connection, JsonElement d)
    {
        var id = d.GetProperty("session_id").GetString() ?? "";
        if (!_sessions.TryGetValue(id, out var session))
        {
            await SendAsync(connection, 9, JsonSerializer.SerializeToElement(false), null, null);
            return;
        }
        if (ResumeGate is { } gate) await gate.Task;
        var from = d.TryGetProperty("seq", out var s) && s.ValueKind == JsonValueKind.Number ? s.GetInt64() : 0;
        connection.Session = session;
        session.Connection = connection;
        foreach (var (seq, type, data) in session.After(from)) await SendAsync(connection, 0, data, seq, type);
        await SendAsync(connection, 0, JsonSerializer.SerializeToElement(new { }), session.NextSeq(), "RESUMED");
    }

    private async Task SendAsync(EmulatedConnection connection, int op, JsonElement data, long? seq, string? type)
    {
        Frames.Add(new GatewayFrame(connection.Id, false, op, type, seq, data));
        await connection.SendAsync(new { op, d = data.ValueKind == JsonValueKind.Undefined ? (object?)null : data, s = seq, t = type });
    }
}
