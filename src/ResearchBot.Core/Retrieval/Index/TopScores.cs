namespace ResearchBot.Retrieval.Index;

/// <summary>
/// Selects the positions of the highest scores in an array with a few linear passes instead of a heap: for a small share
/// of a large array, a sampled bar first narrows the candidates; the exact choice is a histogram of the scores, then the
/// positions above the bucket that holds the cut and the best of that bucket.
/// </summary>
internal static class TopScores
{
    private const int Buckets = 4096;

    private const int Stride = 64;

    /// <summary>The positions of the <paramref name="count"/> highest scores above <paramref name="floor"/> (fewer when fewer are), in no particular order.</summary>
    /// <remarks>
    /// When a small share of a large array is wanted, a sample of every 64th score sets a bar that about twice as many
    /// scores clear; one pass collects those and the exact selection runs on them alone. When too few clear it (the
    /// sample was unlucky), the exact selection runs on the whole array.
    /// </remarks>
    public static List<int> Select(ReadOnlySpan<float> scores, int count, float floor)
    {
        if (count <= 0 || scores.Length < 16 * Stride || (long)count * 16 > scores.Length) return Exact(scores, count, floor);
        var sample = new List<float>(scores.Length / Stride + 1);
        for (var i = 0; i < scores.Length; i += Stride)
            if (scores[i] > floor) sample.Add(scores[i]);
        var k = 2 * count / Stride + 8;
        if (sample.Count <= k) return Exact(scores, count, floor);
        sample.Sort();
        var bar = sample[sample.Count - 1 - k];
        var candidates = new List<int>(4 * count);
        var values = new List<float>(4 * count);
        for (var i = 0; i < scores.Length; i++)
        {
            var v = scores[i];
            if (v >= bar && v > floor)
            {
                candidates.Add(i);
                values.Add(v);
            }
        }
        if (candidates.Count < count || candidates.Count > scores.Length / 4) return Exact(scores, count, floor);
        var picked = Exact(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(values), count, floor);
        for (var j = 0; j < picked.Count; j++) picked[j] = candidates[picked[j]];
        return picked;
    }

    /// <summary>The selection by a histogram of every score.</summary>
    private static List<int> Exact(ReadOnlySpan<float> scores, int count, float floor)
    {
        var lo = float.PositiveInfinity;
        var hi = float.NegativeInfinity;
        var above = 0;
        for (var i = 0; i < scores.Length; i++)
        {
            var v = scores[i];
            if (!(v > floor)) continue;
            above++;
            if (v < lo) lo = v;
            if (v > hi) hi = v;
        }
        var result = new List<int>(Math.Min(above, count));
        if (above == 0 || count <= 0) return result;
        if (above <= count || !(hi > lo))
        {
            // All of them, or (all equal) any of them.
            for (var i = 0; i < scores.Length && result.Count < count; i++)
                if (scores[i] > floor) result.Add(i);
            return result;
        }
        if (float.IsInfinity(hi - lo)) return Sorted(scores, floor, count);

        var scale = (Buckets - 1) / (hi - lo);
        Span<int> histogram = stackalloc int[Buckets];
        for (var i = 0; i < scores.Length; i++)
        {
            var v = scores[i];
            if (v > floor) histogram[Bucket(v, lo, scale)]++;
        }
        // The cut lies in bucket `edge`: everything above it is in, and the best of the edge fill the rest.
        var edge = Buckets - 1;
        var sure = 0;
        while (sure + histogram[edge] < count) sure += histogram[edge--];
        var needed = count - sure;
        var edgeScores = new List<(int Index, float Score)>(histogram[edge]);
        for (var i = 0; i < scores.Length; i++)
        {
            var v = scores[i];
            if (!(v > floor)) continue;
            var b = Bucket(v, lo, scale);
            if (b > edge) result.Add(i);
            else if (b == edge) edgeScores.Add((i, v));
        }
        if (edgeScores.Count > needed) edgeScores.Sort((a, b) => b.Score.CompareTo(a.Score));
        for (var k = 0; k < needed && k < edgeScores.Count; k++) result.Add(edgeScores[k].Index);
        return result;
    }

    private static int Bucket(float v, float lo, float scale) => Math.Clamp((int)((v - lo) * scale), 0, Buckets - 1);

    private static List<int> Sorted(ReadOnlySpan<float> scores, float floor, int count)
    {
        var all = new List<(int Index, float Score)>();
        for (var i = 0; i < scores.Length; i++)
            if (scores[i] > floor) all.Add((i, scores[i]));
        all.Sort((a, b) => b.Score.CompareTo(a.Score));
        return [.. all.Take(count).Select(x => x.Index)];
    }
}
