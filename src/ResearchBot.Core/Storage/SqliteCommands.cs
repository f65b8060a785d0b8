using Microsoft.Data.Sqlite;

namespace ResearchBot.Storage;

/// <summary>Building and running commands on a SQLite connection, inside a transaction or not.</summary>
internal static class SqliteCommands
{
    public static SqliteCommand Command(SqliteConnection c, SqliteTransaction? tx, string sql)
    {
        var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        return cmd;
    }

    public static void Execute(SqliteConnection c, SqliteTransaction? tx, string sql)
    {
        using var cmd = Command(c, tx, sql);
        cmd.ExecuteNonQuery();
    }
}
