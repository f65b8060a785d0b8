using System.Text.Json;

namespace ResearchBot.Discord.Gateway;

/// <summary>An op 0 event: its name, sequence number and data.</summary>
public sealed record GatewayDispatch(string Type, long Sequence, JsonElement Data);

/// <summary>Receives the gateway's events. Must return quickly: long work belongs on another task.</summary>
public interface IGatewayEventHandler
{
    ValueTask HandleAsync(GatewayDispatch dispatch, CancellationToken cancellationToken);
}
