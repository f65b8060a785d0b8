using Microsoft.Data.Sqlite;
using SQLitePCL;

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

    /// <summary>The first value of <paramref name="sql"/>, inside the connection's current transaction if it has one.</summary>
    public static object? Scalar(SqliteConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return cmd.ExecuteScalar();
    }

    /// <summary>
    /// Throws the connection's error for a SQLitePCLRaw result code that is none of OK, ROW and DONE (for the bulk reads
    /// and writes that step statements on the connection's handle).
    /// </summary>
    public static void CheckRaw(sqlite3 db, int rc)
    {
        if (rc is not (raw.SQLITE_OK or raw.SQLITE_ROW or raw.SQLITE_DONE)) throw new SqliteException(raw.sqlite3_errmsg(db).utf8_to_string(), rc);
    }
}
