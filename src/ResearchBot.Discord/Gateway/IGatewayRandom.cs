namespace ResearchBot.Discord.Gateway;

/// <summary>Randomness for heartbeat jitter and invalid-session waits (tests make it fixed).</summary>
public interface IGatewayRandom
{
    /// <summary>A number in [0, 1).</summary>
    double NextDouble();
}

/// <summary>The shared <see cref="Random"/>.</summary>
public sealed class SystemGatewayRandom : IGatewayRandom
{
    public double NextDouble() => Random.Shared.NextDouble();
}
