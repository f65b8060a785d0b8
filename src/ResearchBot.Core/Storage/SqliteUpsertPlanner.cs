using Microsoft.Data.Sqlite;
using ResearchBot.Papers;
using static ResearchBot.Storage.SqliteCommands;

namespace ResearchBot.Storage;

/// <summary>
/// Decides, inside the write transaction, what an upsert does with each (deduplicated) incoming paper: insert it under a
/// new document number, merge it into the stored paper with the same id or title key, or leave that paper unchanged.
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
        var nextDoc = SqliteMeta.NextDocument(c, tx);
        var plan = new List<PlannedWrite>(incoming.Count);
        var plannedDocs = new Dictionary<int, int>();
        for (var i = 0; i < incoming.Count; i++)
        {
            var p = incoming[i];
            if (!empty)
            {
                find.Parameters.Clear();
                find.Parameters.AddWithValue("$id", p.Id);
                find.Parameters.AddWithValue("$key", p.TitleKey);
                (int Doc, Paper Paper)? row = null;
                DocumentLengths lengths = default;
                using (var r = find.ExecuteReader())
                    if (r.Read()) { row = PaperRows.Read(r); lengths = new DocumentLengths(r.GetInt32(11), r.GetInt32(12)); }
                // A generic title ("Technical Report") shared by two papers with different arXiv ids is not one paper.
                if (row is { } candidate && candidate.Paper.Id != p.Id && PaperMerger.DistinctArxivIds(candidate.Paper, p)) row = null;
                if (row is { } found)
                {
                    // Two records of the batch can reach the same stored paper (one by id, one by title key): merge both into one write.
                    var earlier = plannedDocs.TryGetValue(found.Doc, out var k) ? plan[k] : null;
                    var existing = earlier?.Existing ?? PaperRows.WithListings(c, tx, [found])[0];
                    // A record replace keeps only the listings (store-kept, not record fields); a merge lets the richer value win.
                    var merged = exactKeys ? p with { Listings = [.. existing.Listings.Union(p.Listings).OrderBy(l => l.Day).ThenBy(l => l.Source, StringComparer.Ordinal)] }
                        : PaperMerger.Merge(earlier?.Merged ?? existing, p);
                    var unchanged = PaperMerger.SameContent(existing, merged);
                    var textChanged = merged.Title != existing.Title || merged.Abstract != existing.Abstract;
                    var write = new PlannedWrite(merged, existing, found.Doc, earlier?.BatchPosition ?? i, unchanged, textChanged, lengths);
                    if (earlier is null) { plannedDocs[found.Doc] = plan.Count; plan.Add(write); }
                    else plan[k] = write;
                    continue;
                }
            }
            plan.Add(new PlannedWrite(p, null, nextDoc++, i, false, true, default));
        }
        return plan;
    }
}

/// <summary>
/// What an upsert does with one paper: <paramref name="Merged"/> is written as document <paramref name="Doc"/> (new when
/// <paramref name="Existing"/> is null); its terms and vector are rebuilt only when <paramref name="TextChanged"/>.
/// </summary>
internal sealed record PlannedWrite(Paper Merged, Paper? Existing, int Doc, int BatchPosition, bool Unchanged, bool TextChanged, DocumentLengths ExistingLengths);
