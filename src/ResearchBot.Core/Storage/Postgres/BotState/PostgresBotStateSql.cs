using System.Data.Common;
using Npgsql;

namespace ResearchBot.Storage.Postgres.BotState;

/// <summary>What the PostgreSQL bot-state repositories share: parameterised commands and the conversions of times.</summary>
internal static class PostgresBotStateSql
{
    /// <summary>A command on <paramref name="connection"/> with its parameters (a null value is SQL NULL).</summary>
    public static NpgsqlCommand Command(NpgsqlConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var cmd = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters) cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return cmd;
    }

    /// <summary>A time as a <c>timestamptz</c> parameter (Npgsql takes only UTC ones; PostgreSQL keeps microseconds).</summary>
    public static DateTimeOffset Utc(DateTimeOffset at) => at.ToUniversalTime();

    public static DateTimeOffset Time(DbDataReader reader, int i) => reader.GetFieldValue<DateTimeOffset>(i);

    public static string? TextOrNull(DbDataReader reader, int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
}
