using ResearchBot.Papers;
using ResearchBot.Retrieval.Index;

namespace ResearchBot.Storage;

/// <summary>
/// A paper store whose papers carry document numbers (the search index's ordinals), with its maintenance commands:
/// what the VectorData collection, <c>reembed</c> and <c>stats</c> need, implemented by every provider.
/// </summary>
public interface IIndexedPaperStore : IPaperStore
{
    /// <summary>Where the store lives (a file path, or a PostgreSQL host and database: never a password).</summary>
    string Description { get; }

    /// <summary>Rebuilds every embedding with the configured embedder; returns how many papers were embedded.</summary>
    Task<int> ReembedAsync(IProgress<int>? progress = null, CancellationToken cancellationToken = default);

    /// <summary>Removes papers (with their listings, vectors and index entries) by id; returns how many existed.</summary>
    Task<int> DeleteAsync(IEnumerable<string> ids, CancellationToken cancellationToken = default);

    /// <summary>Papers with their document numbers, optionally within a date range, in document order.</summary>
    IReadOnlyList<(int Doc, Paper Paper)> GetRange(DayRange range, int skip, int top);

    /// <summary>Papers by their document numbers, in the given order (unknown numbers are left out).</summary>
    IReadOnlyList<(int Doc, Paper Paper)> GetByDocs(IReadOnlyList<int> docs);

    /// <summary>The stored vector of a paper, if any.</summary>
    float[]? GetVector(int doc);
}
