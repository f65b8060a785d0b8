using Microsoft.Extensions.VectorData;
using ResearchBot.Papers;

namespace ResearchBot.Storage;

/// <summary>
/// Maps <see cref="Paper"/> ⇄ <see cref="PaperRecord"/> and describes the record to VectorData: the key, every data
/// field, and the vector with the configured embedder's dimensions (a definition, because an attribute's dimensions are fixed
/// at compile time). Provider-neutral: any connector of <see cref="PaperRecord"/> can be given <see cref="Definition"/>.
/// </summary>
public static class PaperRecordMapper
{
    /// <summary>The collection definition for vectors of <paramref name="dimensions"/> (cosine similarity).</summary>
    public static VectorStoreCollectionDefinition Definition(int dimensions) => new()
    {
        Properties =
        [
            new VectorStoreKeyProperty(nameof(PaperRecord.Id), typeof(string)),
            new VectorStoreDataProperty(nameof(PaperRecord.Title), typeof(string)) { IsFullTextIndexed = true },
            new VectorStoreDataProperty(nameof(PaperRecord.Abstract), typeof(string)) { IsFullTextIndexed = true },
            new VectorStoreDataProperty(nameof(PaperRecord.Date), typeof(DateOnly?)) { IsIndexed = true },
            new VectorStoreDataProperty(nameof(PaperRecord.Published), typeof(DateOnly?)),
            new VectorStoreDataProperty(nameof(PaperRecord.Authors), typeof(string[])),
            new VectorStoreDataProperty(nameof(PaperRecord.AuthorCount), typeof(int?)),
            new VectorStoreDataProperty(nameof(PaperRecord.Upvotes), typeof(int?)),
            new VectorStoreDataProperty(nameof(PaperRecord.Url), typeof(string)),
            new VectorStoreDataProperty(nameof(PaperRecord.AiSummary), typeof(string)),
            new VectorStoreDataProperty(nameof(PaperRecord.AiKeywords), typeof(string[])),
            new VectorStoreVectorProperty(nameof(PaperRecord.Embedding), typeof(ReadOnlyMemory<float>?), dimensions)
            {
                DistanceFunction = DistanceFunction.CosineSimilarity,
            },
        ],
    };

    public static PaperRecord ToRecord(Paper p) => new()
    {
        Id = p.Id,
        Title = p.Title,
        Abstract = p.Abstract,
        Date = p.Date,
        Published = p.Published,
        Authors = [.. p.Authors],
        AuthorCount = p.AuthorCount,
        Upvotes = p.Upvotes,
        Url = p.Url,
        AiSummary = p.AiSummary,
        AiKeywords = [.. p.AiKeywords],
        Paper = p,
    };

    /// <summary>The paper a record stores: its fields, with the listings of <see cref="PaperRecord.Paper"/> when it has one.</summary>
    public static Paper ToPaper(PaperRecord r) => new()
    {
        Id = r.Id,
        Title = r.Title,
        Abstract = r.Abstract,
        Published = r.Published,
        Authors = r.Authors ?? [],
        AuthorCount = r.AuthorCount,
        Upvotes = r.Upvotes,
        Url = r.Url,
        AiSummary = r.AiSummary,
        AiKeywords = r.AiKeywords ?? [],
        Listings = r.Paper?.Listings ?? [],
    };
}
