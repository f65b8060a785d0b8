using System.Numerics.Tensors;
using System.Runtime.Intrinsics;

namespace ResearchBot.Retrieval.Index;

/// <summary>
/// Document vectors held in memory as signed bytes with one scale per vector: a quarter of the memory of
/// floats and a quarter of the bandwidth per scan, which is what bounds a brute-force search.
/// </summary>
public sealed class QuantizedVectors
{
    private readonly sbyte[] _data;
    private readonly float[] _scale;

    public QuantizedVectors(int capacity, int dimensions)
    {
        Dimensions = dimensions;
        _data = new sbyte[(long)capacity * dimensions];
        _scale = new float[capacity];
    }

    public int Dimensions { get; }

    public int Capacity => _scale.Length;

    /// <summary>Stores the vector of document <paramref name="doc"/>.</summary>
    public void Set(int doc, ReadOnlySpan<float> vector) => Quantize(vector, _data.AsSpan(doc * Dimensions, Dimensions), out _scale[doc]);

    /// <summary>Approximate dot products of <paramref name="query"/> with every stored vector, into <paramref name="scores"/>.</summary>
    public void DotAll(ReadOnlySpan<float> query, float[] scores)
    {
        var q = new sbyte[Dimensions];
        Quantize(query, q, out var qs);
        var n = Capacity;
        var parts = Math.Clamp(Environment.ProcessorCount, 1, 8);
        if (n < 20_000) parts = 1;
        Parallel.For(0, parts, part =>
        {
            var start = (int)((long)n * part / parts);
            var end = (int)((long)n * (part + 1) / parts);
            var dims = Dimensions;
            for (var d = start; d < end; d++)
            {
                var s = _scale[d];
                scores[d] = s == 0 ? 0 : Dot(q, _data.AsSpan(d * dims, dims)) * s * qs;
            }
        });
    }

    private static void Quantize(ReadOnlySpan<float> v, Span<sbyte> into, out float scale)
    {
        var max = v.Length == 0 ? 0 : TensorPrimitives.MaxMagnitude(v);
        max = Math.Abs(max);
        if (max == 0) { into.Clear(); scale = 0; return; }
        scale = max / 127f;
        for (var i = 0; i < v.Length; i++) into[i] = (sbyte)Math.Round(v[i] / scale);
    }

    internal static int Dot(ReadOnlySpan<sbyte> a, ReadOnlySpan<sbyte> b)
    {
        var i = 0;
        var sum = 0;
        if (Vector256.IsHardwareAccelerated && a.Length >= 32)
        {
            var acc = Vector256<int>.Zero;
            for (; i <= a.Length - 32; i += 32)
            {
                var (alo, ahi) = Vector256.Widen(Vector256.Create(a.Slice(i, 32)));
                var (blo, bhi) = Vector256.Widen(Vector256.Create(b.Slice(i, 32)));
                var (p1, p2) = Vector256.Widen(alo * blo);
                var (p3, p4) = Vector256.Widen(ahi * bhi);
                acc += p1 + p2 + p3 + p4;
            }
            sum = Vector256.Sum(acc);
        }
        for (; i < a.Length; i++) sum += a[i] * b[i];
        return sum;
    }
}
