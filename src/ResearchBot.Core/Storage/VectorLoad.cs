using System.Collections.Concurrent;
using ResearchBot.Retrieval.Index;

namespace ResearchBot.Storage;

/// <summary>
/// Loads stored vectors into search's <see cref="QuantizedVectors"/> on two threads: the reader hands rows (document
/// number and the stored half-precision bytes) over in batches, and a second thread decodes and quantizes them while the
/// next batch is read. A few batches circulate, so memory stays bounded whatever the store's size. Every vector must
/// have the dimensions of the first; rows of documents at or beyond the capacity, or of other dimensions, are skipped.
/// </summary>
internal sealed class VectorLoad : IDisposable
{
    private const int BatchRows = 4096;
    private const int Batches = 4;

    private readonly int _capacity;
    private readonly BlockingCollection<Batch> _full = new(Batches);
    private readonly BlockingCollection<Batch> _empty = new(Batches);
    private Batch? _current;
    private Task? _decoder;
    private QuantizedVectors? _vectors;
    private int _rowBytes = -1;

    public VectorLoad(int capacity) => _capacity = capacity;

    private sealed class Batch(int rowBytes)
    {
        public readonly int[] Docs = new int[BatchRows];
        public readonly byte[] Data = new byte[BatchRows * rowBytes];
        public int Count;
    }

    /// <summary>Adds one stored row: its document number and half-precision bytes.</summary>
    public void Add(int doc, ReadOnlySpan<byte> bytes)
    {
        if (_rowBytes < 0) Start(bytes.Length);
        if (_vectors is null || bytes.Length != _rowBytes || doc < 0 || doc >= _capacity) return;
        _current ??= TakeEmpty();
        _current.Docs[_current.Count] = doc;
        bytes.CopyTo(_current.Data.AsSpan(_current.Count * _rowBytes, _rowBytes));
        if (++_current.Count == BatchRows)
        {
            Hand(_current);
            _current = null;
        }
    }

    // A decoder that failed takes no more batches: its error surfaces here instead of the reader waiting forever.
    private Batch TakeEmpty()
    {
        Batch? batch;
        while (!_empty.TryTake(out batch, 50)) ThrowIfDecoderFailed();
        return batch;
    }

    private void Hand(Batch batch)
    {
        while (!_full.TryAdd(batch, 50)) ThrowIfDecoderFailed();
    }

    private void ThrowIfDecoderFailed()
    {
        if (_decoder is { IsCompleted: true }) _decoder.GetAwaiter().GetResult();
    }

    private void Start(int rowBytes)
    {
        _rowBytes = rowBytes;
        var dims = VectorCodec.Dimensions(rowBytes);
        if (dims == 0) return;
        _vectors = new QuantizedVectors(_capacity, dims);
        for (var i = 0; i < Batches; i++) _empty.Add(new Batch(rowBytes));
        _decoder = Task.Factory.StartNew(Decode, TaskCreationOptions.LongRunning);
    }

    private void Decode()
    {
        var vector = new float[_vectors!.Dimensions];
        foreach (var batch in _full.GetConsumingEnumerable())
        {
            for (var i = 0; i < batch.Count; i++)
            {
                VectorCodec.Decode(batch.Data.AsSpan(i * _rowBytes, _rowBytes), vector);
                _vectors.Set(batch.Docs[i], vector);
            }
            batch.Count = 0;
            _empty.Add(batch);
        }
    }

    /// <summary>Waits for the last batch to be decoded; null when no row was given.</summary>
    public QuantizedVectors? Complete()
    {
        if (_current is { Count: > 0 }) Hand(_current);
        _current = null;
        _full.CompleteAdding();
        _decoder?.GetAwaiter().GetResult();
        return _vectors;
    }

    public void Dispose()
    {
        if (!_full.IsAddingCompleted) _full.CompleteAdding();
        try { _decoder?.Wait(); } catch (AggregateException) { }
        _full.Dispose();
        _empty.Dispose();
    }
}
