using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json;

namespace ResearchBot.Discord.Gateway;

/// <summary>JSON frames over a <see cref="ClientWebSocket"/>: serialized sends, whole-message receives.</summary>
internal sealed class GatewaySocket(ClientWebSocket socket) : IDisposable
{
    private readonly SemaphoreSlim _sendLock = new(1, 1);

    public WebSocketCloseStatus? CloseStatus => socket.CloseStatus;
    public string? CloseDescription => socket.CloseStatusDescription;

    public Task ConnectAsync(Uri uri, CancellationToken cancellationToken) => socket.ConnectAsync(uri, cancellationToken);

    public async Task SendAsync(GatewayOpCode op, object? data, CancellationToken cancellationToken)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(new { op = (int)op, d = data });
        await _sendLock.WaitAsync(cancellationToken);
        try { await socket.SendAsync(bytes, WebSocketMessageType.Text, true, cancellationToken); }
        finally { _sendLock.Release(); }
    }

    /// <summary>Sends a close frame (the peer's answer arrives through <see cref="ReceiveAsync"/>); errors are ignored.</summary>
    public async Task CloseOutputAsync(int code, string reason, CancellationToken cancellationToken)
    {
        await _sendLock.WaitAsync(cancellationToken);
        try
        {
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                await socket.CloseOutputAsync((WebSocketCloseStatus)code, reason, cancellationToken);
        }
        catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException or OperationCanceledException) { }
        finally { _sendLock.Release(); }
    }

    /// <summary>The next frame, or null when the peer closed the connection.</summary>
    public async Task<GatewayPayload?> ReceiveAsync(CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>(8192);
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer.GetMemory(8192), cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close) return null;
            buffer.Advance(result.Count);
            if (result.EndOfMessage) break;
        }
        using var doc = JsonDocument.Parse(buffer.WrittenMemory);
        var root = doc.RootElement;
        var op = (GatewayOpCode)root.GetProperty("op").GetInt32();
        var d = root.TryGetProperty("d", out var data) ? data.Clone() : default;
        long? s = root.TryGetProperty("s", out var seq) && seq.ValueKind == JsonValueKind.Number ? seq.GetInt64() : null;
        string? t = root.TryGetProperty("t", out var type) && type.ValueKind == JsonValueKind.String ? type.GetString() : null;
        return new GatewayPayload(op, d, s, t);
    }

    public void Dispose()
    {
        socket.Dispose();
        _sendLock.Dispose();
    }
}
