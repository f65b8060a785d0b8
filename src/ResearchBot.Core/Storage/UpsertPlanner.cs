using ResearchBot.Papers;

namespace ResearchBot.Storage;

/// <summary>
/// The provider-neutral part of an upsert (after <see cref="BatchDeduper"/> has folded a batch's records of one paper together):
/// decides for each record whether it is a new paper (and its document number) or an update of a stored one, merged field by field.
/// Every store runs the same rules, so "the same paper" means the same thing on every provider.
/// </summary>
internal static class UpsertPlanner
{
    /// <summary>
    /// Plans the writes of a deduplicated batch. <paramref name="find"/> returns the stored paper with that id, else one
    /// with that title key (id match first), without its listings; <paramref name="withListings"/> completes a found one.
    /// New papers get document numbers from <paramref name="nextDoc"/> on.
    /// </summary>
    /// <param name="exactKeys">A record replace (the VectorData collection's upsert): <paramref name="find"/> matches by exact id only,
    /// and the record's fields replace the stored ones (listings, which the store keeps, unite).</param>
    public static List<PlannedWrite> Plan(IReadOnlyList<Paper> incoming, Func<Paper, StoredPaper?> find, Func<StoredPaper, Paper> withListings, int nextDoc,
        bool exactKeys = false)
    {
        var plan = new List<PlannedWrite>(incoming.Count);
        var plannedDocs = new Dictionary<int, int>();
        for (var i = 0; i < incoming.Count; i++)
        {
            var p = incoming[i];
            var row = find(p);
            // A generic title ("Technical Report") shared by two papers with different arXiv ids is not one paper.
            if (row is { } candidate && candidate.Paper.Id != p.Id && PaperMerger.DistinctArxivIds(candidate.Paper, p)) row = null;
            if (row is { } found)
            {
                // Two records of the batch can reach the same stored paper (one by id, one by title key): merge both into one write.
                var earlier = plannedDocs.TryGetValue(found.Doc, out var k) ? plan[k] : null;
                var existing = earlier?.Existing ?? withListings(found);
                var merged = exactKeys ? p with { Listings = [.. existing.Listings.Union(p.Listings).OrderBy(l => l.Day).ThenBy(l => l.Source, StringComparer.Ordinal)] }
                    : PaperMerger.Merge(earlier?.Merged ?? existing, p);
                var unchanged = PaperMerger.SameContent(existing, merged);
                var textChanged = merged.Title != existing.Title || merged.Abstract != existing.Abstract;
                var write = new PlannedWrite(merged, existing, found.Doc, earlier?.BatchPosition ?? i, unchanged, textChanged, found.Lengths);
                if (earlier is null) { plannedDocs[found.Doc] = plan.Count; plan.Add(write); }
                else plan[k] = write;
                continue;
            }
            plan.Add(new PlannedWrite(p, null, nextDoc++, i, false, true, default));
        }
        return plan;
    }
}

/// <summary>A stored paper found for an incoming record: its document number, fields (listings may be missing) and index lengths.</summary>
internal readonly record struct StoredPaper(int Doc, Paper Paper, DocumentLengths Lengths);

/// <summary>One planned write: the merged paper, the stored one it updates (null when new), its document number and what changed.</summary>
internal sealed record PlannedWrite(Paper Merged, Paper? Existing, int Doc, int BatchPosition, bool Unchanged, bool TextChanged, DocumentLengths ExistingLengths);
