using BenchmarkDotNet.Attributes;
using ResearchBot.Retrieval.Index;

namespace ResearchBot.Benchmarks;

/// <summary>
/// The vector side of one search over N stored 256-dimension vectors: the int8 dot product with every vector (what search
/// did before) against the binary-code estimate of every vector plus int8 re-scoring of a 2,000-vector shortlist (what it does now).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class VectorBenchmarks
{
    private QuantizedVectors _vectors = null!;
    private float[] _query = [];
    private float[] _scores = [];
    private int[] _shortlist = [];

    [Params(100_000, 1_000_000)]
    public int Vectors { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        float[] Random256()
        {
            var v = new float[256];
            for (var i = 0; i < v.Length; i++) v[i] = (float)(random.NextDouble() * 2 - 1);
            return v;
        }
        _vectors = new QuantizedVectors(Vectors, 256);
        for (var d = 0; d < Vectors; d++) _vectors.Set(d, Random256());
        _query = Random256();
        _scores = new float[Vectors];
        _shortlist = [.. Enumerable.Range(0, 2000).Select(i => i * (Vectors / 2000))];
    }

    [Benchmark(Baseline = true)]
    public float Int8DotWithEveryVector()
    {
        _vectors.DotAll(_query, _scores);
        return _scores[0];
    }

    [Benchmark]
    public float BinaryEstimateThenInt8Shortlist()
    {
        var q = _vectors.Prepare(_query);
        var best = float.MinValue;
        for (var d = 0; d < Vectors; d++) best = Math.Max(best, q.Estimate(d));
        foreach (var d in _shortlist) best = Math.Max(best, q.Score(d));
        return best;
    }
}
