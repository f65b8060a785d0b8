namespace ResearchBot.Storage;

/// <summary>
/// Whole-store maintenance a host runs on purpose (<c>reembed</c>, removing papers), kept apart from
/// <see cref="IPaperStore"/> so that readers and ingestion never hold it. Every storage provider implements it.
/// </summary>
public interface IPaperMaintenance
{
    /// <summary>
    /// Rebuilds every stored embedding with the configured embedder (after changing embedding provider or model) and
    /// records that embedder; returns how many papers were re-embedded. <paramref name="progress"/> hears the running count.
    /// </summary>
    Task<int> ReembedAsync(IProgress<int>? progress = null, CancellationToken cancellationToken = default);

    /// <summary>Removes papers (with their listings, vectors and index entries) by id; returns how many existed.</summary>
    Task<int> DeleteAsync(IEnumerable<string> ids, CancellationToken cancellationToken = default);
}
