using ResearchBot.Retrieval.Lexical;

namespace ResearchBot.Retrieval.Index;

/// <summary>
/// What search reads from the store to keep its in-memory index: defined here by its consumer and implemented by
/// each storage provider, so Retrieval never sees SQL or a concrete store. Reads are synchronous because they sit
/// on the query path; they are cheap after the first load.
/// </summary>
public interface ISearchIndexSource
{
    /// <summary>A number that grows with every committed write to the store, by this process or another; search reloads when it grows.</summary>
    long CurrentGeneration();

    /// <summary>Everything a <see cref="SearchSnapshot"/> keeps in memory, read as of one commit.</summary>
    SearchIndexContents ReadContents();

    /// <summary>
    /// The postings of one term as stored now (they may hold documents newer than a snapshot), or null when the term is
    /// unknown. <paramref name="expectedCount"/>, when known (the snapshot's document frequency), sizes the list once.
    /// </summary>
    TermPostings? ReadPostings(string term, int expectedCount = 0);

    /// <summary>Title and abstract of the given documents (for re-ranking); unknown documents are left out.</summary>
    IReadOnlyDictionary<int, DocumentText> ReadTexts(IReadOnlyCollection<int> docs);
}

/// <summary>The title and abstract of one stored document.</summary>
public readonly record struct DocumentText(string Title, string Abstract);

/// <summary>
/// One consistent read of the store for search: per document (indexed by document number, 0 ..
/// <see cref="Capacity"/> - 1) whether it exists, its field lengths in index terms and its date as a day number
/// (<see cref="int.MinValue"/> when unknown); every term's document frequency; the stored vectors; and which
/// embedder made them.
/// </summary>
public sealed class SearchIndexContents
{
    public required long Generation { get; init; }
    public required int Capacity { get; init; }
    public required bool[] Exists { get; init; }
    public required int[] TitleLength { get; init; }
    public required int[] AbstractLength { get; init; }
    public required int[] DayNumber { get; init; }
    public required IReadOnlyDictionary<string, int> DocumentFrequency { get; init; }
    public QuantizedVectors? Vectors { get; init; }

    /// <summary>The embedder recorded with the stored vectors ("provider:model" and dimensions), or null when none is recorded.</summary>
    public StoredEmbedder? Embedder { get; init; }
}

/// <summary>The embedder a store's vectors were made with.</summary>
public sealed record StoredEmbedder(string Model, int Dimensions);
