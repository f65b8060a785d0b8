using System.Globalization;
using ResearchBot.BotState;

namespace ResearchBot.Storage.BotState;

/// <summary>Token usage per server and day in the SQLite store.</summary>
public sealed class SqliteTokenUsageRepository(BotStateTables tables) : ITokenUsageRepository
{
    public async Task<long> AddAsync(string guildId, DateOnly day, long tokens, CancellationToken cancellationToken = default)
    {
        await using var c = tables.Open();
        await using var cmd = c.CreateCommand();
        cmd.CommandText = """
            INSERT INTO bot_token_usage (guild_id, day, tokens) VALUES ($guild, $day, $tokens)
            ON CONFLICT(guild_id, day) DO UPDATE SET tokens = tokens + excluded.tokens
            RETURNING tokens
            """;
        cmd.Parameters.AddWithValue("$guild", guildId);
        cmd.Parameters.AddWithValue("$day", day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        cmd.Parameters.AddWithValue("$tokens", tokens);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    public async Task<long> GetAsync(string guildId, DateOnly day, CancellationToken cancellationToken = default)
    {
        await using var c = tables.Open();
        await using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT tokens FROM bot_token_usage WHERE guild_id = $guild AND day = $day";
        cmd.Parameters.AddWithValue("$guild", guildId);
        cmd.Parameters.AddWithValue("$day", day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        return await cmd.ExecuteScalarAsync(cancellationToken) is { } value and not DBNull ? Convert.ToInt64(value, CultureInfo.InvariantCulture) : 0;
    }
}
