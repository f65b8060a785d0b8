using ResearchBot.Retrieval.Lexical;
using static ResearchBot.Storage.SqliteCommands;

namespace ResearchBot.Storage;

/// <summary>Removes papers with their listings, FTS title entries, vectors and postings, in one transaction. Callers serialize writes.</summary>
internal sealed class SqlitePaperDeleter(SqliteConnectionFactory connections)
{
    /// <summary>Returns how many of <paramref name="ids"/> were stored.</summary>
    public async Task<int> DeleteAsync(IEnumerable<string> ids, CancellationToken cancellationToken)
    {
        using var c = connections.Open();
        using var tx = c.BeginTransaction();
        var removed = new List<(int, DocumentTerms)>();
        SqliteMeta.RememberNextDocument(c, tx);
        using var find = Command(c, tx, "SELECT doc, title, abstract FROM papers WHERE id = $id");
        foreach (var id in ids.Distinct())
        {
            cancellationToken.ThrowIfCancellationRequested();
            find.Parameters.Clear();
            find.Parameters.AddWithValue("$id", id);
            int doc; string title, @abstract;
            using (var r = await find.ExecuteReaderAsync(cancellationToken))
            {
                if (!await r.ReadAsync(cancellationToken)) continue;
                (doc, title, @abstract) = (r.GetInt32(0), r.GetString(1), r.GetString(2));
            }
            removed.Add((doc, DocumentTerms.Of(title, @abstract)));
            foreach (var sql in new[] {
                "INSERT INTO titles_fts(titles_fts, rowid, title) VALUES ('delete', $doc, $title)",
                "DELETE FROM listings WHERE doc = $doc", "DELETE FROM embeddings WHERE doc = $doc", "DELETE FROM papers WHERE doc = $doc" })
            {
                using var cmd = Command(c, tx, sql);
                cmd.Parameters.AddWithValue("$doc", doc);
                if (sql.Contains("$title")) cmd.Parameters.AddWithValue("$title", title);
                cmd.ExecuteNonQuery();
            }
        }
        if (removed.Count > 0)
        {
            SqliteLexicalIndexWriter.Apply(c, tx, removed, new PostingsBuilder());
            SqliteMeta.BumpGeneration(c, tx);
        }
        tx.Commit();
        return removed.Count;
    }
}
