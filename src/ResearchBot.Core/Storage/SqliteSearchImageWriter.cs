using Microsoft.Data.Sqlite;

namespace ResearchBot.Storage;

/// <summary>
/// Saves the store's <see cref="SqliteSearchImage"/> when it is stale and the store holds at least
/// <paramref name="minDocuments"/> papers (below that, reading the rows on start-up is quick anyway). The contents are
/// read as search reads them, then written in one transaction that first checks no other write came in between.
/// </summary>
internal sealed class SqliteSearchImageWriter(SqliteConnectionFactory connections, int minDocuments)
{
    public bool Save()
    {
        if (connections.IsReadOnly) return false;
        using (var c = connections.Open())
        {
            if (Count(c) < minDocuments || SqliteSearchImage.Generation(c) == SqliteMeta.Generation(c)) return false;
        }
        var contents = new SqliteSearchIndexSource(connections).ReadContents();
        using var w = connections.Open();
        // An image is not worth waiting for: when another writer holds the lock, give up after SQLite's busy timeout.
        w.DefaultTimeout = 1;
        using var tx = w.BeginTransaction(deferred: false);
        if (SqliteMeta.Generation(w) != contents.Generation) return false;
        SqliteSearchImage.Write(w, contents);
        tx.Commit();
        return true;
    }

    private static long Count(SqliteConnection c) => Convert.ToInt64(SqliteCommands.Scalar(c, "SELECT COUNT(*) FROM papers"));
}
