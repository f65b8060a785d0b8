using System.Globalization;
using Microsoft.Data.Sqlite;
using ResearchBot.BotState;

namespace ResearchBot.Storage.BotState;

/// <summary>Per-server settings in the SQLite store.</summary>
public sealed class SqliteGuildSettingsRepository(BotStateTables tables) : IGuildSettingsRepository
{
    private const string Columns = "guild_id, digest_channel_id, digest_time, time_zone, interests, daily_token_budget";

    public async Task<GuildSettings?> GetAsync(string guildId, CancellationToken cancellationToken = default)
    {
        await using var c = tables.Open();
        await using var cmd = c.CreateCommand();
        cmd.CommandText = $"SELECT {Columns} FROM bot_guild_settings WHERE guild_id = $id";
        cmd.Parameters.AddWithValue("$id", guildId);
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
        return await r.ReadAsync(cancellationToken) ? Read(r) : null;
    }

    public async Task<IReadOnlyList<GuildSettings>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var c = tables.Open();
        await using var cmd = c.CreateCommand();
        cmd.CommandText = $"SELECT {Columns} FROM bot_guild_settings ORDER BY guild_id";
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
        var all = new List<GuildSettings>();
        while (await r.ReadAsync(cancellationToken)) all.Add(Read(r));
        return all;
    }

    public async Task SaveAsync(GuildSettings settings, CancellationToken cancellationToken = default)
    {
        await using var c = tables.Open();
        await using var cmd = c.CreateCommand();
        cmd.CommandText = $"""
            INSERT INTO bot_guild_settings ({Columns}) VALUES ($id, $channel, $time, $zone, $interests, $budget)
            ON CONFLICT(guild_id) DO UPDATE SET digest_channel_id = excluded.digest_channel_id, digest_time = excluded.digest_time,
                time_zone = excluded.time_zone, interests = excluded.interests, daily_token_budget = excluded.daily_token_budget
            """;
        cmd.Parameters.AddWithValue("$id", settings.GuildId);
        cmd.Parameters.AddWithValue("$channel", (object?)settings.DigestChannelId ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$time", (object?)settings.DigestTime?.ToString("HH:mm", CultureInfo.InvariantCulture) ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$zone", (object?)settings.TimeZone ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$interests", settings.Interests is null ? DBNull.Value : ConversationJson.Strings(settings.Interests));
        cmd.Parameters.AddWithValue("$budget", (object?)settings.DailyTokenBudget ?? DBNull.Value);
        await cmd.ExecuteNonQueryAsync(cancellationToken);
    }

    private static GuildSettings Read(SqliteDataReader r) => new(
        r.GetString(0),
        r.IsDBNull(1) ? null : r.GetString(1),
        r.IsDBNull(2) ? null : TimeOnly.ParseExact(r.GetString(2), "HH:mm", CultureInfo.InvariantCulture),
        r.IsDBNull(3) ? null : r.GetString(3),
        r.IsDBNull(4) ? null : ConversationJson.ParseStrings(r.GetString(4)),
        r.IsDBNull(5) ? null : r.GetInt64(5));
}
