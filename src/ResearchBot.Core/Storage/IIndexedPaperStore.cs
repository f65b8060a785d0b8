using ResearchBot.Papers;

namespace ResearchBot.Storage;

/// <summary>
/// A paper store whose papers carry document numbers (the search index's ordinals): what the VectorData collection
/// (<see cref="PaperVectorCollection"/>) needs from a provider, implemented by every provider.
/// </summary>
public interface IIndexedPaperStore : IPaperStore, IPaperMaintenance
{
    /// <summary>The database system the store runs on, as VectorData metadata names it (<c>sqlite</c>, <c>postgresql</c>).</summary>
    string SystemName { get; }

    /// <summary>
    /// <see cref="IPaperStore.UpsertAsync"/> with the collection's options: vectors given per paper id are stored as they are
    /// (no embedder call for those papers), and <see cref="StoreWriteOptions.ExactKeys"/> makes the write a record replace by exact id.
    /// </summary>
    Task<UpsertResult> UpsertAsync(IReadOnlyList<Paper> papers, StoreWriteOptions write, CancellationToken cancellationToken = default);

    /// <summary>Papers by exact id (no title matching), with their document numbers.</summary>
    IReadOnlyList<(int Doc, Paper Paper)> ByIds(IReadOnlyList<string> ids);

    /// <summary>Papers matching <paramref name="filter"/>, ordered by <paramref name="sort"/> (then by document), paged.</summary>
    IReadOnlyList<(int Doc, Paper Paper)> Find(PaperFilter filter, IReadOnlyList<PaperSort> sort, int skip, int top);

    /// <summary>The document numbers of the papers matching <paramref name="filter"/>.</summary>
    IReadOnlySet<int> Docs(PaperFilter filter);

    /// <summary>Papers by their document numbers, in the given order (unknown numbers are left out).</summary>
    IReadOnlyList<(int Doc, Paper Paper)> GetByDocs(IReadOnlyList<int> docs);

    /// <summary>The stored vectors of the given documents (documents without one are left out).</summary>
    IReadOnlyDictionary<int, float[]> Vectors(IEnumerable<int> docs);
}
