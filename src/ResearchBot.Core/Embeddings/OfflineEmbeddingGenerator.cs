using System.Numerics.Tensors;
using Microsoft.Extensions.AI;
using ResearchBot.Text.Analysis;

namespace ResearchBot.Embeddings;

/// <summary>
/// The built-in embedder: no model, no download, deterministic. Each text becomes a bag of features —
/// word stems, fastText-style character n-grams of every word (so inflections, compounds and typos still
/// share most features) and adjacent-stem pairs — stop words dropped, optionally weighted by a fixed IDF
/// table, sign-hashed into
/// <see cref="OfflineEmbeddingOptions.Dimensions"/> buckets, then L2-normalized.
/// </summary>
public sealed class OfflineEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    private readonly OfflineEmbeddingOptions _options;
    private readonly IReadOnlyDictionary<string, float> _idf;
    private readonly float _defaultIdf;
    private readonly TextAnalyzer _analyzer = TextAnalyzer.Default;
    private const int MaxCachedWords = 500_000;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, WordFeatures> _wordCache = new(StringComparer.Ordinal);
    private int _cached;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, WordFeatures>.AlternateLookup<ReadOnlySpan<char>> _wordLookup;

    public OfflineEmbeddingGenerator(OfflineEmbeddingOptions? options = null, IReadOnlyDictionary<string, float>? idf = null)
    {
        _options = options ?? new OfflineEmbeddingOptions();
        _idf = idf ?? new Dictionary<string, float>();
        _defaultIdf = _idf.Count > 0 ? _idf.Values.Max() : 1f;
        _wordLookup = _wordCache.GetAlternateLookup<ReadOnlySpan<char>>();
        Metadata = new EmbeddingGeneratorMetadata("offline", null, ModelId, _options.Dimensions);
    }

    /// <summary>Identifies the feature scheme; stored vectors made under another id are never mixed with these.</summary>
    public string ModelId => $"offline-hash-v1-{_options.Dimensions}";

    public EmbeddingGeneratorMetadata Metadata { get; }

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var texts = values as IList<string> ?? [.. values];
        var vectors = new float[texts.Count][];
        Parallel.For(0, texts.Count, new ParallelOptions { CancellationToken = cancellationToken }, i =>
        {
            vectors[i] = new float[_options.Dimensions];
            Embed(texts[i], vectors[i]);
        });
        return Task.FromResult(new GeneratedEmbeddings<Embedding<float>>(vectors.Select(v => new Embedding<float>(v) { ModelId = ModelId })));
    }

    /// <summary>Writes the L2-normalized embedding of <paramref name="text"/> into <paramref name="vector"/> (zeroed first).</summary>
    public void Embed(ReadOnlySpan<char> text, Span<float> vector)
    {
        vector.Clear();
        WordFeatures? previous = null;
        var o = _options;
        var words = new WordTokenizer(text);
        while (words.MoveNext())
        {
            var word = words.Current;
            if (!_wordLookup.TryGetValue(word, out var f))
            {
                // Bounded like the analyzer's stem cache: past the limit new words are featurized without being kept.
                var newWord = word.ToString();
                if (Volatile.Read(ref _cached) >= MaxCachedWords) f = Features(newWord);
                else { f = _wordCache.GetOrAdd(newWord, Features); Interlocked.Increment(ref _cached); }
            }
            if (f.Skip) { previous = null; continue; }
            var w = f.Idf;
            Add(vector, f.StemHash, w * o.WordWeight);
            var gramWeight = w * o.CharGramWeight / Math.Max(1, f.GramHashes.Length);
            foreach (var g in f.GramHashes) Add(vector, g, gramWeight);
            if (previous is not null && o.PairWeight > 0)
            {
                var pw = Math.Min(w, previous.Idf) * o.PairWeight;
                Add(vector, Mix(previous.StemHash * 31 + f.StemHash), pw);
            }
            previous = f;
        }
        var norm = TensorPrimitives.Norm(vector);
        if (norm > 0) TensorPrimitives.Divide(vector, norm, vector);
    }

    private static void Add(Span<float> vector, ulong hash, float weight)
    {
        var bucket = (int)(((hash & 0xFFFFFFFFUL) * (ulong)vector.Length) >> 32); // Lemire's multiply-shift range reduction
        vector[bucket] += (hash >> 63) == 0 ? weight : -weight;
    }

    private WordFeatures Features(string word)
    {
        if (TextAnalyzer.StopWords.Contains(word) || TextAnalyzer.QuestionWords.Contains(word)) return new WordFeatures("", 0, [], 0, Skip: true);
        var stem = _analyzer.Stem(word);
        var idf = _idf.TryGetValue(stem, out var i) ? i : _defaultIdf;
        var padded = "#<" + word + ">";
        var grams = new List<ulong>();
        Span<char> gram = stackalloc char[_options.MaxGram + 1];
        gram[0] = '#';
        for (var n = _options.MinGram; n <= _options.MaxGram; n++)
            for (var s = 1; s + n <= padded.Length; s++)
            {
                padded.AsSpan(s, n).CopyTo(gram[1..]);
                grams.Add(Hash(gram[..(n + 1)]));
            }
        return new WordFeatures(stem, Hash(stem), [.. grams], idf);
    }

    /// <summary>FNV-1a over the characters, finished with the SplitMix64 mixer so every bit is well spread.</summary>
    private static ulong Hash(ReadOnlySpan<char> s)
    {
        var h = 14695981039346656037UL;
        foreach (var c in s) { h ^= c; h *= 1099511628211UL; }
        return Mix(h);
    }

    private static ulong Mix(ulong h)
    {
        h ^= h >> 30; h *= 0xbf58476d1ce4e5b9UL;
        h ^= h >> 27; h *= 0x94d049bb133111ebUL;
        return h ^ (h >> 31);
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is not null ? null
        : serviceType == typeof(EmbeddingGeneratorMetadata) ? Metadata
        : serviceType.IsInstanceOfType(this) ? this
        : null;

    public void Dispose() { }

    private sealed record WordFeatures(string Stem, ulong StemHash, ulong[] GramHashes, float Idf, bool Skip = false);
}

/// <summary>Settings of the offline embedder (section <c>Embeddings:Offline</c>).</summary>
public sealed class OfflineEmbeddingOptions
{
    public int Dimensions { get; set; } = 256;
    public int MinGram { get; set; } = 3;
    public int MaxGram { get; set; } = 4;
    public float WordWeight { get; set; } = 1f;
    public float CharGramWeight { get; set; } = 1f;
    public float PairWeight { get; set; } = 0.5f;
}
