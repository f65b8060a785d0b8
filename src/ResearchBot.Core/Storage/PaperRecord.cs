using Microsoft.Extensions.VectorData;
using ResearchBot.Papers;

namespace ResearchBot.Storage;

/// <summary>
/// A paper as a VectorData record: what a vector store connector indexes and returns. Every data property is
/// mapped (filterable and sortable where its type allows); the vector's dimensions are the configured embedder's, so
/// the collection's <see cref="VectorStoreCollectionDefinition"/> comes from <see cref="PaperRecordMapper.Definition"/>
/// rather than a fixed attribute.
/// </summary>
public sealed class PaperRecord
{
    [VectorStoreKey]
    public string Id { get; set; } = "";

    [VectorStoreData(IsFullTextIndexed = true)]
    public string Title { get; set; } = "";

    [VectorStoreData(IsFullTextIndexed = true)]
    public string Abstract { get; set; } = "";

    /// <summary>The paper's <see cref="Papers.Paper.Date"/> (first listing day, else published). Read-only in effect: the store derives it.</summary>
    [VectorStoreData(IsIndexed = true)]
    public DateOnly? Date { get; set; }

    [VectorStoreData]
    public DateOnly? Published { get; set; }

    [VectorStoreData]
    public string[] Authors { get; set; } = [];

    [VectorStoreData]
    public int? AuthorCount { get; set; }

    [VectorStoreData]
    public int? Upvotes { get; set; }

    [VectorStoreData]
    public string? Url { get; set; }

    [VectorStoreData]
    public string? AiSummary { get; set; }

    [VectorStoreData]
    public string[] AiKeywords { get; set; } = [];

    /// <summary>
    /// The embedding of title and abstract, with the configured embedder's dimensions. On upsert a vector given here is
    /// stored as is (no embedder call); when null the store embeds the text.
    /// </summary>
    public ReadOnlyMemory<float>? Embedding { get; set; }

    /// <summary>Not stored: the full paper (listings included) when the record came from the store.</summary>
    public Paper? Paper { get; set; }

    /// <summary>
    /// Not stored: set on search results only, the calibrated 0..1 relevance of this paper to the query (what "nothing
    /// relevant found" decisions use). The result's score is the fused ranking score the results are sorted by.
    /// </summary>
    public double? Relevance { get; set; }

    public static PaperRecord From(Paper p) => PaperRecordMapper.ToRecord(p);

    public Paper ToPaper() => PaperRecordMapper.ToPaper(this);
}
