using System.Data.Common;
using ResearchBot.BotState;
using static ResearchBot.Storage.Postgres.BotState.PostgresBotStateSql;

namespace ResearchBot.Storage.Postgres.BotState;

/// <summary>Per-server settings in the PostgreSQL store (table <c>bot_guild_settings</c>), shared by every process on it.</summary>
public sealed class PostgresGuildSettingsRepository(PostgresDatabase db) : IGuildSettingsRepository
{
    private const string Columns = "guild_id, digest_channel_id, digest_time, time_zone, interests, daily_token_budget";

    public async Task<GuildSettings?> GetAsync(string guildId, CancellationToken cancellationToken = default)
    {
        await using var c = db.Open();
        await using var cmd = Command(c, $"SELECT {Columns} FROM bot_guild_settings WHERE guild_id = @id", ("id", guildId));
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
        return await r.ReadAsync(cancellationToken) ? Read(r) : null;
    }

    public async Task<IReadOnlyList<GuildSettings>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var c = db.Open();
        await using var cmd = Command(c, $"SELECT {Columns} FROM bot_guild_settings ORDER BY guild_id COLLATE \"C\"");
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
        var list = new List<GuildSettings>();
        while (await r.ReadAsync(cancellationToken)) list.Add(Read(r));
        return list;
    }

    public async Task SaveAsync(GuildSettings settings, CancellationToken cancellationToken = default)
    {
        await using var c = db.Open();
        await using var cmd = Command(c, $"""
            INSERT INTO bot_guild_settings({Columns}) VALUES (@id, @channel, @time, @zone, @interests, @budget)
            ON CONFLICT (guild_id) DO UPDATE SET digest_channel_id = excluded.digest_channel_id, digest_time = excluded.digest_time,
                time_zone = excluded.time_zone, interests = excluded.interests, daily_token_budget = excluded.daily_token_budget
            """,
            ("id", settings.GuildId), ("channel", settings.DigestChannelId), ("time", settings.DigestTime is { } t ? new TimeOnly(t.Hour, t.Minute) : null), ("zone", settings.TimeZone),
            ("interests", settings.Interests is null ? null : ConversationJson.Strings(settings.Interests)), ("budget", settings.DailyTokenBudget));
        await cmd.ExecuteNonQueryAsync(cancellationToken);
    }

    // The digest time is kept to the minute, as the SQLite store keeps it.
    private static GuildSettings Read(DbDataReader r) => new(
        r.GetString(0),
        TextOrNull(r, 1),
        r.IsDBNull(2) ? null : r.GetFieldValue<TimeOnly>(2),
        TextOrNull(r, 3),
        r.IsDBNull(4) ? null : ConversationJson.ParseStrings(r.GetString(4)),
        r.IsDBNull(5) ? null : r.GetInt64(5));
}
