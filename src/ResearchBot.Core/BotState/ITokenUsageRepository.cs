namespace ResearchBot.BotState;

/// <summary>Counts the language-model tokens each server used per day (for the daily budget).</summary>
public interface ITokenUsageRepository
{
    /// <summary>Adds <paramref name="tokens"/> to <paramref name="guildId"/>'s count for <paramref name="day"/> and returns the new total.</summary>
    Task<long> AddAsync(string guildId, DateOnly day, long tokens, CancellationToken cancellationToken = default);

    /// <summary>The tokens <paramref name="guildId"/> used on <paramref name="day"/>.</summary>
    Task<long> GetAsync(string guildId, DateOnly day, CancellationToken cancellationToken = default);
}
