using Microsoft.Data.Sqlite;
using ResearchBot.Retrieval.Lexical;

namespace ResearchBot.Storage;

/// <summary>
/// How a term's postings are stored: its row in <c>terms</c> and the segments appended since in <c>term_segments</c>
/// (postings of documents newer than every document before them, each segment encoded on its own), read back as one
/// list. An ingest appends a segment per term instead of rewriting the term's whole list, so a large ingest in batches
/// (or a daily one into a large store) writes what it adds, not everything before it.
/// </summary>
internal static class SqliteTermRows
{
    /// <summary>The base row first, then the segments in the order they were appended.</summary>
    private const string Query =
        "SELECT -1, df, postings FROM terms WHERE term = $t UNION ALL SELECT seg, df, postings FROM term_segments WHERE term = $t ORDER BY 1";

    /// <summary>The same without segments: a store written before segments existed, opened read-only (nothing could add the table).</summary>
    private const string BaseOnlyQuery = "SELECT -1, df, postings FROM terms WHERE term = $t";

    /// <summary>True when the store has the segments table (every store a writer opened since segments exist).</summary>
    public static bool HasSegments(SqliteConnection c, SqliteTransaction? tx = null)
    {
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "SELECT EXISTS(SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'term_segments')";
        return Convert.ToInt64(cmd.ExecuteScalar()) != 0;
    }

    /// <summary>A command that <see cref="Read"/> runs (one per term, or prepared once for many).</summary>
    public static SqliteCommand ReadCommand(SqliteConnection c, SqliteTransaction? tx, bool segments = true)
    {
        var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = segments ? Query : BaseOnlyQuery;
        cmd.Parameters.Add("$t", SqliteType.Text);
        return cmd;
    }

    /// <summary>The term's whole postings list (base and segments), or null when the term is not stored.</summary>
    public static TermPostings? Read(SqliteCommand readCommand, string term)
    {
        readCommand.Parameters[0].Value = term;
        using var r = readCommand.ExecuteReader();
        if (!r.Read()) return null;
        var df = r.GetInt32(1);
        var first = (byte[])r[2];
        if (!r.Read()) return TermPostings.Decode(first, df);
        // Several rows: sized once for all of them, then decoded one after another.
        var rows = new List<byte[]> { first };
        do
        {
            df += r.GetInt32(1);
            rows.Add((byte[])r[2]);
        } while (r.Read());
        var result = new TermPostings(df);
        foreach (var row in rows) result.AppendEncoded(row);
        return result;
    }

    /// <summary>Every stored term's document frequency: its base row plus its segments.</summary>
    private const string DirectBaseQuery = "SELECT df, postings FROM terms WHERE term = ?1";

    // The primary key (term, seg) returns the segments in order without a sort (a sort would copy every blob).
    private const string DirectSegmentsQuery = "SELECT df, postings FROM term_segments WHERE term = ?1 ORDER BY seg";

    private const string DirectCountQuery =
        "SELECT COALESCE((SELECT df FROM terms WHERE term = ?1), 0) + COALESCE((SELECT SUM(df) FROM term_segments WHERE term = ?1), 0)";

    /// <summary>
    /// <see cref="Read"/> for search's reads: stepped with SQLitePCLRaw on the connection's handle, so each row's postings are
    /// decoded straight from SQLite's buffer into one list sized once (no array per row: a common term's list at a million
    /// papers is megabytes, read on a fresh process's first questions).
    /// </summary>
    /// <param name="expectedCount">The term's document frequency when the caller knows it (else it is counted first).</param>
    public static TermPostings? ReadDirect(SqliteConnection c, string term, bool segments, int expectedCount = 0)
    {
        var db = c.Handle ?? throw new InvalidOperationException("the connection is not open");
        // A list that turns out longer (a write came in since the count) grows as it is read.
        var count = expectedCount > 0 || !segments ? expectedCount : Count(db, term);
        TermPostings? result = null;
        Append(db, DirectBaseQuery, term, count, ref result);
        if (segments) Append(db, DirectSegmentsQuery, term, count, ref result);
        return result;
    }

    private static int Count(SQLitePCL.sqlite3 db, string term)
    {
        SqliteCommands.CheckRaw(db, SQLitePCL.raw.sqlite3_prepare_v2(db, DirectCountQuery, out var stmt));
        using (stmt)
        {
            SQLitePCL.raw.sqlite3_bind_text(stmt, 1, term);
            return SQLitePCL.raw.sqlite3_step(stmt) == SQLitePCL.raw.SQLITE_ROW ? SQLitePCL.raw.sqlite3_column_int(stmt, 0) : 0;
        }
    }

    private static void Append(SQLitePCL.sqlite3 db, string sql, string term, int count, ref TermPostings? result)
    {
        SqliteCommands.CheckRaw(db, SQLitePCL.raw.sqlite3_prepare_v2(db, sql, out var stmt));
        using (stmt)
        {
            SQLitePCL.raw.sqlite3_bind_text(stmt, 1, term);
            int rc;
            while ((rc = SQLitePCL.raw.sqlite3_step(stmt)) == SQLitePCL.raw.SQLITE_ROW)
            {
                result ??= new TermPostings(Math.Max(count, SQLitePCL.raw.sqlite3_column_int(stmt, 0)));
                result.AppendEncoded(SQLitePCL.raw.sqlite3_column_blob(stmt, 1));
            }
            if (rc != SQLitePCL.raw.SQLITE_DONE) SqliteCommands.CheckRaw(db, rc);
        }
    }


    public static Dictionary<string, int> DocumentFrequencies(SqliteConnection c, SqliteTransaction? tx, bool segments)
    {
        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        using (var cmd = c.CreateCommand())
        {
            cmd.Transaction = tx;
            cmd.CommandText = "SELECT term, df FROM terms";
            using var r = cmd.ExecuteReader();
            while (r.Read()) df[r.GetString(0)] = r.GetInt32(1);
        }
        if (!segments) return df;
        using (var cmd = c.CreateCommand())
        {
            cmd.Transaction = tx;
            cmd.CommandText = "SELECT term, SUM(df) FROM term_segments GROUP BY term";
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                var term = r.GetString(0);
                df[term] = df.GetValueOrDefault(term) + r.GetInt32(1);
            }
        }
        return df;
    }
}
