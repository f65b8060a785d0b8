using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace ResearchBot.Retrieval.Index;

/// <summary>
/// Document vectors held in memory as signed bytes with one scale per vector: a quarter of the memory of
/// floats and a quarter of the bandwidth per scan, which is what bounds a brute-force search. Each vector also
/// keeps a binary code (the sign of each dimension, one bit) and its length, for a first pass that reads an
/// eighth of the bytes (<see cref="Prepare"/>): estimate every document from the codes, re-score the best few
/// with the bytes.
/// </summary>
public sealed class QuantizedVectors
{
    private readonly sbyte[] _data;
    private readonly float[] _scale;
    private readonly ulong[] _signs;
    private readonly float[] _norm;

    public QuantizedVectors(int capacity, int dimensions)
    {
        Dimensions = dimensions;
        CodeWords = (dimensions + 63) / 64;
        _data = new sbyte[(long)capacity * dimensions];
        _scale = new float[capacity];
        _signs = new ulong[(long)capacity * CodeWords];
        _norm = new float[capacity];
    }

    public int Dimensions { get; }

    /// <summary>The raw arrays (bytes, scales, binary codes, lengths), for a storage provider that saves and restores them as they are.</summary>
    internal (sbyte[] Data, float[] Scale, ulong[] Signs, float[] Norm) Arrays => (_data, _scale, _signs, _norm);

    public int Capacity => _scale.Length;

    /// <summary>64-bit words in one vector's binary code.</summary>
    internal int CodeWords { get; }

    /// <summary>Stores the vector of document <paramref name="doc"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Set(int doc, ReadOnlySpan<float> vector)
    {
        Quantize(vector, _data.AsSpan(doc * Dimensions, Dimensions), out _scale[doc]);
        SignCode(vector, _signs.AsSpan(doc * CodeWords, CodeWords));
        _norm[doc] = _scale[doc] == 0 ? 0 : TensorPrimitives.Norm(vector);
    }

    /// <summary>A query prepared for <see cref="VectorQuery.Estimate"/> (binary codes) and <see cref="VectorQuery.Score"/> (bytes).</summary>
    public VectorQuery Prepare(ReadOnlySpan<float> query) => new(this, query);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void SignCode(ReadOnlySpan<float> v, Span<ulong> into)
    {
        into.Clear();
        var i = 0;
        // Eight signs at a time without a branch per dimension (a million vectors are coded when a store opens).
        if (Vector256.IsHardwareAccelerated)
            for (; i <= v.Length - 8; i += 8)
                into[i >> 6] |= (ulong)Vector256.GreaterThan(Vector256.Create(v.Slice(i, 8)), Vector256<float>.Zero).ExtractMostSignificantBits() << (i & 63);
        for (; i < v.Length; i++)
            into[i >> 6] |= (v[i] > 0 ? 1UL : 0UL) << (i & 63);
    }

    /// <summary>One query against these vectors: a cheap estimate from the binary codes, and the byte dot product.</summary>
    public sealed class VectorQuery
    {
        private readonly QuantizedVectors _v;
        private readonly sbyte[] _q;
        private readonly float _qs;
        private readonly ulong[] _code;
        private readonly float[] _cosByDistance;
        private readonly float _queryNorm;

        internal VectorQuery(QuantizedVectors vectors, ReadOnlySpan<float> query)
        {
            _v = vectors;
            _q = new sbyte[vectors.Dimensions];
            Quantize(query, _q, out _qs);
            _code = new ulong[vectors.CodeWords];
            SignCode(query, _code);
            _queryNorm = TensorPrimitives.Norm(query);
            // Two vectors whose signs differ in h of D dimensions are about pi·h/D apart (as for random hyperplanes).
            _cosByDistance = new float[vectors.Dimensions + 1];
            for (var h = 0; h <= vectors.Dimensions; h++) _cosByDistance[h] = (float)Math.Cos(Math.PI * h / vectors.Dimensions);
        }

        /// <summary>An estimate of the dot product with document <paramref name="doc"/> from the binary codes and the lengths.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining | MethodImplOptions.AggressiveOptimization)]
        public float Estimate(int doc)
        {
            var norm = _v._norm[doc];
            if (norm == 0) return 0;
            var words = _code.Length;
            var codes = _v._signs.AsSpan(doc * words, words);
            var h = 0;
            for (var w = 0; w < words; w++) h += BitOperations.PopCount(codes[w] ^ _code[w]);
            return _cosByDistance[Math.Min(h, _cosByDistance.Length - 1)] * norm * _queryNorm;
        }

        /// <summary>
        /// <see cref="Estimate"/> times <paramref name="weight"/> for the first documents, one per element of
        /// <paramref name="into"/>: one sequential pass over the codes (the first pass of a search over a large store).
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void EstimateAll(Span<float> into, float weight)
        {
            var count = into.Length;
            var norms = _v._norm.AsSpan(0, count);
            var table = _cosByDistance;
            var scale = _queryNorm * weight;
            if (_code.Length == 4)
            {
                // 256 dimensions (the offline embedder's): the query's code held in registers.
                var codes = _v._signs.AsSpan(0, count * 4);
                ulong c0 = _code[0], c1 = _code[1], c2 = _code[2], c3 = _code[3];
                for (var d = 0; d < count; d++)
                {
                    var w = codes.Slice(d * 4, 4);
                    var h = BitOperations.PopCount(w[0] ^ c0) + BitOperations.PopCount(w[1] ^ c1)
                        + BitOperations.PopCount(w[2] ^ c2) + BitOperations.PopCount(w[3] ^ c3);
                    into[d] = table[h] * norms[d] * scale;
                }
                return;
            }
            for (var d = 0; d < count; d++) into[d] = norms[d] == 0 ? 0 : Estimate(d) * weight;
        }

        /// <summary>The dot product with document <paramref name="doc"/> from the stored bytes (as <see cref="DotAll"/> gives it).</summary>
        public float Score(int doc)
        {
            var s = _v._scale[doc];
            var dims = _v.Dimensions;
            return s == 0 ? 0 : Dot(_q, _v._data.AsSpan(doc * dims, dims)) * s * _qs;
        }
    }

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

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Quantize(ReadOnlySpan<float> v, Span<sbyte> into, out float scale)
    {
        var max = v.Length == 0 ? 0 : TensorPrimitives.MaxMagnitude(v);
        max = Math.Abs(max);
        if (max == 0) { into.Clear(); scale = 0; return; }
        scale = max / 127f;
        // Vectorized: scale, round to nearest (even), narrow; every value is within ±127 after rounding.
        var buffer = v.Length <= 2048 ? stackalloc float[v.Length] : new float[v.Length];
        TensorPrimitives.Divide(v, scale, buffer);
        TensorPrimitives.Round(buffer, buffer);
        TensorPrimitives.ConvertTruncating<float, sbyte>(buffer, into);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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
