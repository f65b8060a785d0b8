using System.Net.WebSockets;
using System.Text.Json;

namespace ResearchBot.TestSupport.Discord;

/// <summary>One client connection to the emulated gateway.</summary>
public sealed class EmulatedConnection(int id, string path, WebSocket socket)
{
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly TaskCompletionSource<int?> _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int Id { get; } = id;

    /// <summary><c>/gateway</c> or <c>/resume</c> (the <c>resume_gateway_url</c>).</summary>
    public string Path { get; } = path;

    /// <summary>The session this connection identified or resumed, once it has.</summary>
    public EmulatedSession? Session { get; internal set; }

    /// <summary>The close code the client sent (null when the socket just dropped).</summary>
    public Task<int?> ClientClose => _closed.Task;

    internal bool IsOpen => socket.State == WebSocketState.Open;

    internal async Task SendAsync(object frame)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(frame);
        await _sendLock.WaitAsync();
        try
        {
            if (socket.State == WebSocketState.Open)
                await socket.SendAsync(bytes, WebSocketMessageType.Text, true, CancellationToken.None);
        }
        finally { _sendLock.Release(); }
    }

    internal async Task CloseAsync(int code, string reason)
    {
        await _sendLock.WaitAsync();
        try
        {
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                await socket.CloseOutputAsync((WebSocketCloseStatus)code, reason, CancellationToken.None);
        }
        catch (WebSocketException) { }
        finally { _sendLock.Release(); }
    }

    internal void Closed(int? code) => _closed.TrySetResult(code);
}
