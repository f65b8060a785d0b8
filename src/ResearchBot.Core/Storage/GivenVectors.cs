using ResearchBot.Embeddings;
namespace ResearchBot.Storage;

/// <summary>
/// The provider-neutral rules for vectors given with an upsert (<see cref="StoreWriteOptions.Vectors"/>, by paper id): they
/// must all have the store's dimensions, papers that come with one are never sent to the embedder, and a given vector
/// replaces the stored one even when the paper's text did not change. Every store writes what these return.
/// </summary>
internal static class GivenVectors
{
    /// <summary>Given vectors must have the store's dimensions (the embedder's, else the stored vectors'), else all the same.</summary>
    /// <exception cref="ArgumentException">A vector has other dimensions (checked before anything is written).</exception>
    public static void Check(IReadOnlyDictionary<string, ReadOnlyMemory<float>>? given, int? dimensions)
    {
        if (given is null) return;
        foreach (var (id, vector) in given)
        {
            dimensions ??= vector.Length;
            if (vector.Length != dimensions)
                throw new ArgumentException($"record '{id}': its embedding has {vector.Length} dimensions, the store's vectors have {dimensions}");
        }
    }

    /// <summary>
    /// The vectors of the papers whose text changed (<paramref name="reindex"/>, in that order): the given one where there
    /// is one, else one made by <paramref name="embed"/>, which is called once with the texts of the others only.
    /// </summary>
    public static async Task<List<float[]>> ForReindexedAsync(IReadOnlyList<PlannedWrite> reindex, IReadOnlyDictionary<string, ReadOnlyMemory<float>>? given,
        Func<List<string>, CancellationToken, Task<List<float[]>>> embed, CancellationToken ct)
    {
        if (given is null || given.Count == 0) return await embed([.. reindex.Select(w => PaperEmbeddingText.Of(w.Merged))], ct);
        var made = await embed([.. reindex.Where(w => !given.ContainsKey(w.Merged.Id)).Select(w => PaperEmbeddingText.Of(w.Merged))], ct);
        var m = 0;
        return [.. reindex.Select(w => given.TryGetValue(w.Merged.Id, out var v) ? v.ToArray() : made[m++])];
    }

    /// <summary>Given vectors of planned papers whose text did not change (so were not re-embedded): they replace the stored ones.</summary>
    public static List<(int Doc, float[] Vector)> ForUnchangedText(IEnumerable<PlannedWrite> plan, IReadOnlyDictionary<string, ReadOnlyMemory<float>>? given) =>
        given is null || given.Count == 0 ? []
        : [.. plan.Where(w => !w.TextChanged || w.Unchanged).Where(w => given.ContainsKey(w.Merged.Id)).Select(w => (w.Doc, given[w.Merged.Id].ToArray()))];
}
