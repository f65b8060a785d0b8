using Microsoft.Data.Sqlite;
using ResearchBot.Retrieval.Lexical;

namespace ResearchBot.Storage;

/// <summary>
/// Keeps the persisted inverted index (table <c>terms</c>: term → document frequency and encoded postings)
/// in step with the papers, inside the caller's transaction. The postings themselves (<see cref="TermPostings"/>,
/// <see cref="PostingsBuilder"/>) are Retrieval's data structures; only their storage lives here.
/// </summary>
internal static class SqliteLexicalIndexWriter
{
    /// <summary>Removes the old terms of <paramref name="removed"/> documents and adds the postings in <paramref name="added"/> (any order).</summary>
    public static void Apply(SqliteConnection connection, SqliteTransaction transaction,
        IReadOnlyList<(int Doc, DocumentTerms Terms)> removed, PostingsBuilder added)
    {
        var removedDocs = removed.Select(r => r.Doc).ToHashSet();
        var changes = Storage.PostingsDelta.Changes(removed, added);

        using var read = connection.CreateCommand();
        read.Transaction = transaction;
        read.CommandText = "SELECT df, postings FROM terms WHERE term = $t";
        var rt = read.Parameters.Add("$t", SqliteType.Text);
        using var write = connection.CreateCommand();
        write.Transaction = transaction;
        write.CommandText = "INSERT OR REPLACE INTO terms(term, df, postings) VALUES ($t, $df, $p)";
        var wt = write.Parameters.Add("$t", SqliteType.Text);
        var wdf = write.Parameters.Add("$df", SqliteType.Integer);
        var wp = write.Parameters.Add("$p", SqliteType.Blob);
        using var delete = connection.CreateCommand();
        delete.Transaction = transaction;
        delete.CommandText = "DELETE FROM terms WHERE term = $t";
        var dt = delete.Parameters.Add("$t", SqliteType.Text);

        foreach (var (term, additions) in changes)
        {
            rt.Value = term;
            TermPostings? existing;
            using (var r = read.ExecuteReader())
                existing = r.Read() ? TermPostings.Decode((byte[])r[1], r.GetInt32(0)) : null;
            var merged = Storage.PostingsDelta.Apply(existing, removedDocs, additions);
            if (merged.Count == 0) { dt.Value = term; delete.ExecuteNonQuery(); continue; }
            wt.Value = term; wdf.Value = merged.Count; wp.Value = merged.Encode();
            write.ExecuteNonQuery();
        }
    }
}
