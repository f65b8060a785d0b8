using Microsoft.Data.Sqlite;
using ResearchBot.Retrieval.Lexical;

namespace ResearchBot.Storage;

/// <summary>
/// Keeps the persisted inverted index (table <c>terms</c>: term → document frequency and encoded postings, plus the
/// segments appended since in <c>term_segments</c>, see <see cref="SqliteTermRows"/>) in step with the papers, inside the
/// caller's transaction. The postings themselves (<see cref="TermPostings"/>, <see cref="PostingsBuilder"/>) are
/// Retrieval's data structures; only their storage lives here.
/// </summary>
internal static class SqliteLexicalIndexWriter
{
    /// <summary>
    /// A term holds at most this many segments: the write that would add one more merges them into its row instead (so a
    /// term is read with at most this many extra rows, and each posting is rewritten once per this many appends).
    /// </summary>
    public const int MaxSegments = 16;

    /// <summary>
    /// Removes the old terms of <paramref name="removed"/> documents and adds the postings in <paramref name="added"/> (any
    /// order). A term whose additions are all new documents (numbered from <paramref name="firstNewDocument"/> on, after
    /// every stored one) and that loses none gets them as a new segment; any other change rewrites the term's row.
    /// </summary>
    public static void Apply(SqliteConnection connection, SqliteTransaction transaction,
        IReadOnlyList<(int Doc, DocumentTerms Terms)> removed, PostingsBuilder added, int firstNewDocument = int.MaxValue)
    {
        var removedDocs = removed.Select(r => r.Doc).ToHashSet();
        var removedTerms = removed.SelectMany(r => r.Terms.Title.Concat(r.Terms.Abstract)).ToHashSet(StringComparer.Ordinal);
        var changes = PostingsDelta.Changes(removed, added);

        using var state = Command(connection, transaction,
            "SELECT (SELECT df FROM terms WHERE term = $t), (SELECT COUNT(*) FROM term_segments WHERE term = $t), " +
            "(SELECT COALESCE(MAX(seg), 0) FROM term_segments WHERE term = $t)", "$t");
        using var read = SqliteTermRows.ReadCommand(connection, transaction);
        using var write = Command(connection, transaction, "INSERT OR REPLACE INTO terms(term, df, postings) VALUES ($t, $df, $p)", "$t", "$df", "$p");
        using var append = Command(connection, transaction, "INSERT INTO term_segments(term, seg, df, postings) VALUES ($t, $s, $df, $p)", "$t", "$s", "$df", "$p");
        using var delete = Command(connection, transaction, "DELETE FROM terms WHERE term = $t", "$t");
        using var deleteSegments = Command(connection, transaction, "DELETE FROM term_segments WHERE term = $t", "$t");

        foreach (var (term, additions) in changes)
        {
            state.Parameters[0].Value = term;
            bool stored; int segments; long lastSegment;
            using (var r = state.ExecuteReader())
            {
                r.Read();
                stored = !r.IsDBNull(0); segments = r.GetInt32(1); lastSegment = r.GetInt64(2);
            }
            var onlyNew = additions.Count > 0 && additions.Docs[0] >= firstNewDocument && !removedTerms.Contains(term);
            if (onlyNew && !stored)
            {
                Run(write, term, additions.Count, additions.Encode());
                continue;
            }
            if (onlyNew && segments < MaxSegments)
            {
                Run(append, term, lastSegment + 1, additions.Count, additions.Encode());
                continue;
            }
            var merged = PostingsDelta.Apply(SqliteTermRows.Read(read, term), removedDocs, additions);
            if (segments > 0) Run(deleteSegments, term);
            if (merged.Count == 0) Run(delete, term);
            else Run(write, term, merged.Count, merged.Encode());
        }
    }

    private static SqliteCommand Command(SqliteConnection c, SqliteTransaction tx, string sql, params string[] parameters)
    {
        var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        foreach (var p in parameters) cmd.Parameters.Add(new SqliteParameter { ParameterName = p });
        return cmd;
    }

    private static void Run(SqliteCommand cmd, params object[] values)
    {
        for (var i = 0; i < values.Length; i++) cmd.Parameters[i].Value = values[i];
        cmd.ExecuteNonQuery();
    }
}
