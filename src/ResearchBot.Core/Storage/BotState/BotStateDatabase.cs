using System.Globalization;
using Microsoft.Data.Sqlite;

namespace ResearchBot.Storage.BotState;

/// <summary>
/// Connections for one bot-state repository: its tables are created (if missing) on the first connection it opens.
/// Also the time conversions the repositories share (the JSON ones are in <see cref="BotStateJson"/>).
/// </summary>
internal sealed class BotStateDatabase(SqliteConnectionFactory factory, string createTables)
{
    private readonly Lock _lock = new();
    private bool _created;

    public SqliteConnection Open()
    {
        var connection = factory.Open();
        lock (_lock)
        {
            if (_created) return connection;
            using var cmd = connection.CreateCommand();
            cmd.CommandText = createTables;
            cmd.ExecuteNonQuery();
            _created = true;
        }
        return connection;
    }

    public static SqliteCommand Command(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (name, value) in parameters) cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return cmd;
    }

    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    public static DateTimeOffset Time(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    public static string? TextOrNull(SqliteDataReader reader, int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
}
