using Microsoft.Data.Sqlite;

namespace ResearchBot.Storage.BotState;

/// <summary>Creates the bot's own tables (conversations, server settings, token usage, job runs) on first use.</summary>
public sealed class BotStateTables(SqliteConnectionFactory connections)
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS bot_conversations (
            channel_id TEXT PRIMARY KEY,
            started INTEGER NOT NULL,
            turns TEXT NOT NULL,
            shown TEXT,
            updated_at TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS bot_guild_settings (
            guild_id TEXT PRIMARY KEY,
            digest_channel_id TEXT,
            digest_time TEXT,
            time_zone TEXT,
            interests TEXT,
            daily_token_budget INTEGER);
        CREATE TABLE IF NOT EXISTS bot_token_usage (
            guild_id TEXT NOT NULL,
            day TEXT NOT NULL,
            tokens INTEGER NOT NULL,
            PRIMARY KEY (guild_id, day));
        CREATE TABLE IF NOT EXISTS bot_job_runs (
            job TEXT PRIMARY KEY,
            last_run TEXT NOT NULL);
        """;

    private readonly Lazy<bool> _created = new(() =>
    {
        using var c = connections.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = Schema;
        cmd.ExecuteNonQuery();
        return true;
    });

    /// <summary>A connection to a store that has the bot's tables.</summary>
    public SqliteConnection Open()
    {
        _ = _created.Value;
        return connections.Open();
    }
}
