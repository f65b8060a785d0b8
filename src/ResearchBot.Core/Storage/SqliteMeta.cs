using Microsoft.Data.Sqlite;
using static ResearchBot.Storage.SqliteCommands;

namespace ResearchBot.Storage;

/// <summary>The store's <c>meta</c> table: the write generation, the next document number and other recorded values.</summary>
internal static class SqliteMeta
{
    public static void Set(SqliteConnection c, SqliteTransaction tx, params (string Key, string Value)[] values)
    {
        using var cmd = Command(c, tx, "INSERT OR REPLACE INTO meta(key, value) VALUES ($k, $v)");
        foreach (var (k, v) in values)
        {
            cmd.Parameters.Clear();
            cmd.Parameters.AddWithValue("$k", k);
            cmd.Parameters.AddWithValue("$v", v);
            cmd.ExecuteNonQuery();
        }
    }

    public static void Remove(SqliteConnection c, SqliteTransaction tx, params string[] keys)
    {
        using var cmd = Command(c, tx, "DELETE FROM meta WHERE key = $k");
        foreach (var k in keys)
        {
            cmd.Parameters.Clear();
            cmd.Parameters.AddWithValue("$k", k);
            cmd.ExecuteNonQuery();
        }
    }

    /// <summary>The write generation (0 before the first write).</summary>
    public static long Generation(SqliteConnection c) =>
        Convert.ToInt64(Scalar(c, "SELECT COALESCE((SELECT value FROM meta WHERE key = 'generation'), '0')"));

    /// <summary>Counts one more committed write (search reloads when the generation grows).</summary>
    public static void BumpGeneration(SqliteConnection c, SqliteTransaction tx) =>
        Execute(c, tx, "INSERT INTO meta(key, value) VALUES ('generation', '1') ON CONFLICT(key) DO UPDATE SET value = CAST(value AS INTEGER) + 1");

    /// <summary>
    /// The number the next new paper gets. Document numbers only grow (a deleted paper's number is never given to another:
    /// readers may still hold it).
    /// </summary>
    public static int NextDocument(SqliteConnection c, SqliteTransaction tx)
    {
        using var max = Command(c, tx, "SELECT MAX(COALESCE((SELECT MAX(doc) FROM papers), 0) + 1, COALESCE((SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'next_doc'), 1))");
        return Convert.ToInt32(max.ExecuteScalar());
    }

    /// <summary>Records <see cref="NextDocument"/> before papers are deleted, so a deleted number is never reused.</summary>
    public static void RememberNextDocument(SqliteConnection c, SqliteTransaction tx) =>
        Execute(c, tx, "INSERT INTO meta(key, value) SELECT 'next_doc', CAST(MAX(COALESCE((SELECT MAX(doc) FROM papers), 0) + 1, " +
            "COALESCE((SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'next_doc'), 1)) AS TEXT) WHERE true ON CONFLICT(key) DO UPDATE SET value = excluded.value");
}
