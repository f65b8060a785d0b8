using Microsoft.Extensions.AI;
using ResearchBot.Embeddings;

namespace ResearchBot.Storage;

/// <summary>The configured embedder, sent texts in batches of <see cref="EmbeddingBatchOptions.BatchSize"/>.</summary>
internal sealed class BatchedEmbedder(IEmbeddingGenerator<string, Embedding<float>> embedder, EmbeddingBatchOptions batching)
{
    /// <summary>Who makes the vectors ("provider:model" and dimensions).</summary>
    public EmbedderIdentity Identity => EmbedderIdentity.Of(embedder);

    public int BatchSize => Math.Max(1, batching.BatchSize);

    public async Task<List<float[]>> EmbedAsync(List<string> texts, CancellationToken ct)
    {
        var result = new List<float[]>(texts.Count);
        foreach (var batch in texts.Chunk(BatchSize))
        {
            var embeddings = await embedder.GenerateAsync(batch, cancellationToken: ct);
            result.AddRange(embeddings.Select(e => e.Vector.ToArray()));
        }
        return result;
    }
}
