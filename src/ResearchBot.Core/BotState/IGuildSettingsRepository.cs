namespace ResearchBot.BotState;

/// <summary>Keeps per-server settings.</summary>
public interface IGuildSettingsRepository
{
    /// <summary>The settings of <paramref name="guildId"/>, or null when it never set any.</summary>
    Task<GuildSettings?> GetAsync(string guildId, CancellationToken cancellationToken = default);

    /// <summary>Every server's stored settings.</summary>
    Task<IReadOnlyList<GuildSettings>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>Stores <paramref name="settings"/>, replacing what was stored for its server.</summary>
    Task SaveAsync(GuildSettings settings, CancellationToken cancellationToken = default);
}
