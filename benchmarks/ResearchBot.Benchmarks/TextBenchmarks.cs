using BenchmarkDotNet.Attributes;
using ResearchBot.Embeddings;
using ResearchBot.Text.Analysis;

namespace ResearchBot.Benchmarks;

/// <summary>Per-abstract costs on the ingest path: analysis into index terms and the offline embedding.</summary>
[MemoryDiagnoser]
public class TextBenchmarks
{
    private readonly OfflineEmbeddingGenerator _embedder = new();
    private readonly float[] _vector = new float[new OfflineEmbeddingOptions().Dimensions];
    private string _abstract = "";

    [GlobalSetup]
    public void Setup()
    {
        _abstract = BenchCorpus.Sample().OrderByDescending(p => p.Abstract.Length).First().Abstract;
        _embedder.Embed(_abstract, _vector);
        TextAnalyzer.Default.Analyze(_abstract);
    }

    [Benchmark]
    public int Analyze() => TextAnalyzer.Default.Analyze(_abstract).Count;

    [Benchmark]
    public float Embed()
    {
        _embedder.Embed(_abstract, _vector);
        return _vector[0];
    }
}
