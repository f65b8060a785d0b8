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

    /// <summary>
    /// Saves what a new search process reads on opening (per-paper statistics and quantized vectors) as one image, when the
    /// provider keeps one and it is stale; returns whether it wrote one. Ingestion calls it after storing papers; re-embed and
    /// delete save it themselves. SQLite keeps an image for stores of 50,000 papers or more; PostgreSQL keeps none.
    /// </summary>
    Task<bool> SaveSearchImageAsync(CancellationToken cancellationToken = default);
}
