using ResearchBot.Discord.Gateway;

namespace ResearchBot.Discord.Tests.Support;

/// <summary>Always the same "random" number.</summary>
public sealed class FixedRandom(double value) : IGatewayRandom
{
    public double NextDouble() => value;
}
