using ResearchBot.Papers;

namespace ResearchBot.Storage;

/// <summary>
/// The provider-neutral part of an upsert: folds a batch's records of one paper together, then decides for each
/// record whether it is a new paper (and its document number) or an update of a stored one, merged field by field.
/// Every store runs the same rules, so "the same paper" means the same thing on every provider.
/// </summary>
internal static class UpsertPlanner
{
    /// <summary>Merges the records of a batch that are one paper (same id, or same title key unless their arXiv ids differ).</summary>
    public static List<Paper> DedupeBatch(IReadOnlyList<Paper> papers)
    {
        var byKey = new Dictionary<string, int>(StringComparer.Ordinal);
        var byId = new Dictionary<string, int>(StringComparer.Ordinal);
        var result = new List<Paper?>(papers.Count);
        foreach (var p in papers)
        {
            var hasKey = byKey.TryGetValue(p.TitleKey, out var byKeyAt) && !DistinctArxivIds(result[byKeyAt]!, p);
            var hasId = byId.TryGetValue(p.Id, out var byIdAt);
            if (!hasKey && !hasId)
            {
                byKey[p.TitleKey] = byId[p.Id] = result.Count;
                result.Add(p);
                continue;
            }
            // The record may join two earlier ones (same key as one, same id as another): they are all one paper.
            var target = hasKey && hasId ? Math.Min(byKeyAt, byIdAt) : hasKey ? byKeyAt : byIdAt;
            var merged = PaperMerger.Merge(result[target]!, p);
            var other = hasKey && hasId && byKeyAt != byIdAt ? Math.Max(byKeyAt, byIdAt) : -1;
            if (other >= 0)
            {
                merged = PaperMerger.Merge(merged, result[other]!);
                result[other] = null;
                foreach (var map in new[] { byKey, byId })
                    foreach (var name in map.Where(e => e.Value == other).Select(e => e.Key).ToList()) map[name] = target;
            }
            result[target] = merged;
            byKey[p.TitleKey] = byId[p.Id] = byKey[merged.TitleKey] = byId[merged.Id] = target;
        }
        return [.. result.OfType<Paper>()];
    }

    /// <summary>
    /// Plans the writes of a deduplicated batch. <paramref name="find"/> returns the stored paper with that id, else one
    /// with that title key (id match first), without its listings; <paramref name="withListings"/> completes a found one.
    /// New papers get document numbers from <paramref name="nextDoc"/> on.
    /// </summary>
    public static List<PlannedWrite> Plan(IReadOnlyList<Paper> incoming, Func<Paper, StoredPaper?> find, Func<StoredPaper, Paper> withListings, int nextDoc)
    {
        var plan = new List<PlannedWrite>(incoming.Count);
        var plannedDocs = new Dictionary<int, int>();
        for (var i = 0; i < incoming.Count; i++)
        {
            var p = incoming[i];
            var row = find(p);
            // A generic title ("Technical Report") shared by two papers with different arXiv ids is not one paper.
            if (row is { } candidate && candidate.Paper.Id != p.Id && DistinctArxivIds(candidate.Paper, p)) row = null;
            if (row is { } found)
            {
                // Two records of the batch can reach the same stored paper (one by id, one by title key): merge both into one write.
                var earlier = plannedDocs.TryGetValue(found.Doc, out var k) ? plan[k] : null;
                var existing = earlier?.Existing ?? withListings(found);
                var merged = PaperMerger.Merge(earlier?.Merged ?? existing, p);
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

    /// <summary>True when both records carry arXiv ids and they differ: then a shared title key does not make them one paper.</summary>
    public static bool DistinctArxivIds(Paper a, Paper b) =>
        PaperId.TryArxiv(a.Id) is { } x && PaperId.TryArxiv(b.Id) is { } y && x != y;
}

/// <summary>A stored paper found for an incoming record: its document number, fields (listings may be missing) and index lengths.</summary>
internal readonly record struct StoredPaper(int Doc, Paper Paper, DocumentLengths Lengths);

/// <summary>One planned write: the merged paper, the stored one it updates (null when new), its document number and what changed.</summary>
internal sealed record PlannedWrite(Paper Merged, Paper? Existing, int Doc, int BatchPosition, bool Unchanged, bool TextChanged, DocumentLengths ExistingLengths);
