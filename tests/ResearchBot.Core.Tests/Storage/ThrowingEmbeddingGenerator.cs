using Microsoft.Extensions.AI;
using ResearchBot.Embeddings;

namespace ResearchBot.Tests.Storage;

/// <summary>The offline embedder that fails once it has been asked for more than <paramref name="textsBeforeFailure"/> texts (a crash mid-ingest).</summary>
internal sealed class ThrowingEmbeddingGenerator(int textsBeforeFailure) : IEmbeddingGenerator<string, Embedding<float>>
{
    private readonly OfflineEmbeddingGenerator _inner = new();
    private int _seen;

    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var texts = values.ToList();
        _seen += texts.Count;
        if (_seen > textsBeforeFailure) throw new InvalidOperationException($"embedder failed after {textsBeforeFailure} texts");
        return await _inner.GenerateAsync(texts, options, cancellationToken);
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => _inner.GetService(serviceType, serviceKey);

    public void Dispose() => _inner.Dispose();
}
