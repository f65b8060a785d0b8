using System.Numerics.Tensors;
using System.Runtime.InteropServices;

namespace ResearchBot.Storage;

/// <summary>
/// How vectors are kept on disk: IEEE half precision, half the bytes of float32 (less to write on ingest and
/// to read on start-up) at a precision far beyond what cosine ranking can tell apart.
/// </summary>
internal static class VectorCodec
{
    public static byte[] Encode(ReadOnlySpan<float> vector)
    {
        var half = new Half[vector.Length];
        TensorPrimitives.ConvertToHalf(vector, half);
        return MemoryMarshal.AsBytes(half.AsSpan()).ToArray();
    }

    public static float[] Decode(ReadOnlySpan<byte> bytes)
    {
        var half = MemoryMarshal.Cast<byte, Half>(bytes);
        var vector = new float[half.Length];
        TensorPrimitives.ConvertToSingle(half, vector);
        return vector;
    }

    /// <summary>Decodes into a caller's buffer (no allocation); returns the dimensions.</summary>
    public static int Decode(ReadOnlySpan<byte> bytes, Span<float> into)
    {
        var half = MemoryMarshal.Cast<byte, Half>(bytes);
        TensorPrimitives.ConvertToSingle(half, into[..half.Length]);
        return half.Length;
    }

    public static int Dimensions(int byteLength) => byteLength / 2;
}
