using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using ResearchBot.Embeddings;
using ResearchBot.Retrieval;
using ResearchBot.Retrieval.Index;
using ResearchBot.Storage;

namespace ResearchBot.Tests.Storage.Conformance;

/// <summary>One provider's store with search wired over it as the app wires it: what the conformance suite talks to.</summary>
public sealed class StoreUnderTest : IDisposable
{
    private readonly IDisposable? _owner;

    public StoreUnderTest(IIndexedPaperStore store, ISearchIndexSource source, IEmbeddingGenerator<string, Embedding<float>> embedder, IDisposable? owner = null)
    {
        _owner = owner;
        Store = store;
        Source = source;
        var options = new RetrievalOptions();
        Ranker = new HybridRanker(source, EmbedderIdentity.Of(embedder), options);
        Search = new HybridPaperSearch(new PaperVectorCollection(store, Ranker, embedder), store, embedder, Options.Create(options));
    }

    public IIndexedPaperStore Store { get; }
    public ISearchIndexSource Source { get; }
    public HybridRanker Ranker { get; }
    public HybridPaperSearch Search { get; }

    public void Dispose() => _owner?.Dispose();
}
