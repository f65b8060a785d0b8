using ResearchBot.Papers;

namespace ResearchBot.Storage;

/// <summary>
/// Folds the records of one upsert batch that are the same paper (same id, or same title key unless their arXiv ids
/// differ) into one record each, in first-seen order. Pure: no store is read, so every provider can use it.
/// </summary>
internal static class BatchDeduper
{
    public static List<Paper> Dedupe(IReadOnlyList<Paper> papers)
    {
        var byKey = new Dictionary<string, int>(StringComparer.Ordinal);
        var byId = new Dictionary<string, int>(StringComparer.Ordinal);
        var result = new List<Paper?>(papers.Count);
        foreach (var p in papers)
        {
            var hasKey = byKey.TryGetValue(p.TitleKey, out var byKeyAt) && !PaperMerger.DistinctArxivIds(result[byKeyAt]!, p);
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

    /// <summary>A record replace: of several records with one id, the last wins.</summary>
    public static List<Paper> LastById(IReadOnlyList<Paper> papers)
    {
        var last = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < papers.Count; i++) last[papers[i].Id] = i;
        return [.. papers.Where((p, i) => last[p.Id] == i)];
    }
}
