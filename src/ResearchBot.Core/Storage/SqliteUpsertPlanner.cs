using Microsoft.Data.Sqlite;
using ResearchBot.Papers;
using static ResearchBot.Storage.SqliteCommands;

namespace ResearchBot.Storage;

/// <summary>
/// The SQLite side of planning an upsert, inside the write transaction: finds the stored paper each (deduplicated) incoming
/// paper matches and the next free document number, and lets the provider-neutral <see cref="UpsertPlanner"/> decide.
/// </summary>
internal static class SqliteUpsertPlanner
{
    /// <param name="exactKeys">A record replace (the VectorData collection's upsert): match stored papers by exact id only and keep the record's fields.</param>
    public static List<PlannedWrite> Plan(SqliteConnection c, SqliteTransaction tx, IReadOnlyList<Paper> incoming, bool exactKeys = false)
    {
        using var count = Command(c, tx, "SELECT EXISTS(SELECT 1 FROM papers)");
        var empty = Convert.ToInt64(count.ExecuteScalar()) == 0;
        using var find = Command(c, tx, exactKeys ? $"SELECT {PaperRows.Columns}, title_len, abstract_len FROM papers WHERE id = $id AND $key IS NOT NULL"
            : $"SELECT {PaperRows.Columns}, title_len, abstract_len FROM papers WHERE id = $id OR title_key = $key ORDER BY (id = $id) DESC LIMIT 1");
        StoredPaper? Find(Paper p)
        {
            if (empty) return null;
            find.Parameters.Clear();
            find.Parameters.AddWithValue("$id", p.Id);
            find.Parameters.AddWithValue("$key", p.TitleKey);
            using var r = find.ExecuteReader();
            if (!r.Read()) return null;
            var (doc, paper) = PaperRows.Read(r);
            return new StoredPaper(doc, paper, new DocumentLengths(r.GetInt32(11), r.GetInt32(12)));
        }
        return UpsertPlanner.Plan(incoming, Find, found => PaperRows.WithListings(c, tx, [(found.Doc, found.Paper)])[0], SqliteMeta.NextDocument(c, tx), exactKeys);
    }
}
