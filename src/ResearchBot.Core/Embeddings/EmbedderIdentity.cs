using Microsoft.Extensions.AI;

namespace ResearchBot.Embeddings;

/// <summary>Who makes the vectors: "provider:model" and the dimensions when the embedder declares them. Stored vectors are only compared with queries from the same embedder.</summary>
public readonly record struct EmbedderIdentity(string Model, int? Dimensions)
{
    /// <summary>What stores written before the offline embedder exposed its metadata recorded for it: same dimensions, same vectors.</summary>
    public const string LegacyOfflineModel = "unknown:default";

    public static EmbedderIdentity Of(IEmbeddingGenerator embedder)
    {
        var meta = embedder.GetService<EmbeddingGeneratorMetadata>();
        return new EmbedderIdentity($"{meta?.ProviderName ?? "unknown"}:{meta?.DefaultModelId ?? "default"}", meta?.DefaultModelDimensions);
    }

    /// <summary>True when vectors recorded as <paramref name="storedModel"/> with <paramref name="storedDimensions"/> came from this embedder.</summary>
    public bool Made(string storedModel, int storedDimensions) =>
        (storedModel == Model || (storedModel == LegacyOfflineModel && Model.StartsWith("offline:", StringComparison.Ordinal)))
        && (Dimensions is null || Dimensions == storedDimensions);
}
