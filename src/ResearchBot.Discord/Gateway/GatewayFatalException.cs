namespace ResearchBot.Discord.Gateway;

/// <summary>The gateway closed with a code that retrying cannot fix; the bot must stop.</summary>
public sealed class GatewayFatalException(int closeCode, string? reason)
    : Exception($"Discord gateway closed with {closeCode}: {GatewayCloseCodes.Explain(closeCode)}" +
                (string.IsNullOrWhiteSpace(reason) ? "" : $" (server said: {reason})"))
{
    public int CloseCode { get; } = closeCode;
}
