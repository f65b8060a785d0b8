namespace ResearchBot.Storage;

/// <summary>How texts are sent to the embedder (section <c>Embeddings</c>).</summary>
public sealed class EmbeddingBatchOptions
{
    /// <summary>Texts per embedding request.</summary>
    public int BatchSize { get; set; } = 256;
}
