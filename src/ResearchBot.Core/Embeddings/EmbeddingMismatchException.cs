namespace ResearchBot.Embeddings;

/// <summary>The store's vectors were made by another embedder than the configured one; vectors are never mixed.</summary>
public sealed class EmbeddingMismatchException(string storedModel, int storedDimensions, string configuredModel, int configuredDimensions)
    : Exception($"the store's vectors were made by '{storedModel}' ({storedDimensions} dimensions) but the configured embedder is " +
                $"'{configuredModel}' ({configuredDimensions} dimensions); run `reembed` to rebuild them, or configure the original embedder");
