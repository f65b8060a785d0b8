using System.Text.Json;

namespace ResearchBot.TestSupport.Discord;

/// <summary>A gateway frame the emulator sent (<see cref="FromClient"/> false) or received.</summary>
public sealed record GatewayFrame(int Connection, bool FromClient, int Op, string? Type, long? Seq, JsonElement Data);
