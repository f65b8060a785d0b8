using ResearchBot.BotState;
using static ResearchBot.Storage.Postgres.BotState.PostgresBotStateSql;

namespace ResearchBot.Storage.Postgres.BotState;

/// <summary>Token usage per server and day in the PostgreSQL store (table <c>bot_token_usage</c>): one count that every process adds to atomically.</summary>
public sealed class PostgresTokenUsageRepository(PostgresDatabase db) : ITokenUsageRepository
{
    public async Task<long> AddAsync(string guildId, DateOnly day, long tokens, CancellationToken cancellationToken = default)
    {
        await using var c = db.Open();
        await using var cmd = Command(c, """
            INSERT INTO bot_token_usage(guild_id, day, tokens) VALUES (@guild, @day, @tokens)
            ON CONFLICT (guild_id, day) DO UPDATE SET tokens = bot_token_usage.tokens + excluded.tokens
            RETURNING tokens
            """, ("guild", guildId), ("day", day), ("tokens", tokens));
        return (long)(await cmd.ExecuteScalarAsync(cancellationToken))!;
    }

    public async Task<long> GetAsync(string guildId, DateOnly day, CancellationToken cancellationToken = default)
    {
        await using var c = db.Open();
        await using var cmd = Command(c, "SELECT tokens FROM bot_token_usage WHERE guild_id = @guild AND day = @day", ("guild", guildId), ("day", day));
        return await cmd.ExecuteScalarAsync(cancellationToken) is long tokens ? tokens : 0;
    }
}
