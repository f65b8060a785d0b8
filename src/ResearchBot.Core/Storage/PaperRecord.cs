using Microsoft.Extensions.VectorData;
using ResearchBot.Papers;

namespace ResearchBot.Storage;

/// <summary>A paper as a VectorData record: what a vector store connector indexes and returns.</summary>
public sealed class PaperRecord
{
    [VectorStoreKey]
    public string Id { get; set; } = "";

    [VectorStoreData(IsFullTextIndexed = true)]
    public string Title { get; set; } = "";

    [VectorStoreData(IsFullTextIndexed = true)]
    public string Abstract { get; set; } = "";

    /// <summary>The paper's <see cref="Paper.Date"/> (first listing day, else published).</summary>
    [VectorStoreData(IsIndexed = true)]
    public DateOnly? Date { get; set; }

    /// <summary>The embedding of title and abstract; dimensions are those of the configured embedder.</summary>
    [VectorStoreVector(256, DistanceFunction = DistanceFunction.CosineSimilarity)]
    public ReadOnlyMemory<float>? Embedding { get; set; }

    /// <summary>The full paper (listings, authors, links) when the store has it.</summary>
    public Paper? Paper { get; set; }

    public static PaperRecord From(Paper p) => new() { Id = p.Id, Title = p.Title, Abstract = p.Abstract, Date = p.Date, Paper = p };

    public Paper ToPaper() => Paper ?? new Paper { Id = Id, Title = Title, Abstract = Abstract };
}
