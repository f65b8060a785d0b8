using System.IO.Compression;
using System.Text;
using ResearchBot.Papers;

namespace ResearchBot.Ingestion;

/// <summary>
/// Reads a paper source once, front to back, so pipes and standard input work like files: the first bytes are kept to
/// detect the encoding (byte order mark, UTF-16, gzip) and the format, then JSON Lines are streamed line by line (a bad row
/// is rejected on its own) and other formats are read whole, up to <see cref="MaxDocumentBytes"/>, and decoded strictly.
/// </summary>
public sealed class PaperFileReader(PaperFormatDetector detector, JsonLinesParser jsonLines)
{
    /// <summary>A source that is not JSON Lines (a page, Hugging Face JSON, an Atom feed) may be at most this large.</summary>
    public const int MaxDocumentBytes = 64 * 1024 * 1024;

    private const int HeadLength = 16 * 1024;
    private const int ProgressEvery = 10_000;
    private static readonly Encoding LenientUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    /// <summary>Reads the file at <paramref name="path"/>; throws <see cref="PaperFormatException"/> for bad content, including a rejected row.</summary>
    /// <param name="onProgress">Called now and then with the number of papers read so far (large JSON Lines files).</param>
    public async Task<IReadOnlyList<Paper>> ReadAsync(string path, ParseContext context, Action<int>? onProgress = null, CancellationToken cancellationToken = default)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16);
        var read = await ReadAsync(stream, context, onProgress, cancellationToken).ConfigureAwait(false);
        return read.Problem is { } problem ? throw new PaperFormatException(problem) : read.Papers;
    }

    /// <summary>
    /// Reads a source from its current position to its end (it need not seek). Throws <see cref="PaperFormatException"/> when
    /// the whole source is unusable; rejected rows of JSON Lines come back in <see cref="PaperSourceRead.Problem"/> with the good rows.
    /// </summary>
    public async Task<PaperSourceRead> ReadAsync(Stream stream, ParseContext context, Action<int>? onProgress = null, CancellationToken cancellationToken = default)
    {
        var papers = new List<Paper>();
        string? problem = null;
        await foreach (var part in ReadBatchesAsync(stream, context, int.MaxValue, onProgress, cancellationToken).ConfigureAwait(false))
        {
            papers.AddRange(part.Papers);
            problem = part.Problem;
        }
        return new PaperSourceRead(papers, problem);
    }

    /// <summary>
    /// Reads a source like <see cref="ReadAsync(Stream, ParseContext, Action{int}?, CancellationToken)"/>, handing its papers
    /// over as they are read, at most <paramref name="batchSize"/> at a time: JSON Lines of any length are read in bounded
    /// memory, other formats (at most <see cref="MaxDocumentBytes"/>) come as one part. The last part (possibly empty)
    /// carries the rejected rows' report. A failure part-way throws after the parts before it were handed over.
    /// </summary>
    public async IAsyncEnumerable<PaperSourceRead> ReadBatchesAsync(Stream stream, ParseContext context, int batchSize, Action<int>? onProgress = null,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        await foreach (var part in ReadBatchesAsync(stream, context, batchSize, onProgress, decompressed: false, cancellationToken).ConfigureAwait(false))
            yield return part;
    }

    private async IAsyncEnumerable<PaperSourceRead> ReadBatchesAsync(Stream stream, ParseContext context, int batchSize, Action<int>? onProgress, bool decompressed,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var head = await ReadUpToAsync(stream, HeadLength, cancellationToken).ConfigureAwait(false);
        var (encoding, bomLength) = SourceEncoding.Sniff(head.Span);
        var whole = new PrefixedStream(head, stream);
        switch (encoding)
        {
            case SourceEncodingKind.Gzip when decompressed:
                throw new PaperFormatException("gzip inside gzip: decompress it first");
            case SourceEncodingKind.Gzip:
                await using (var gzip = new GZipStream(whole, CompressionMode.Decompress))
                {
                    var parts = ReadBatchesAsync(gzip, context, batchSize, onProgress, decompressed: true, cancellationToken).GetAsyncEnumerator(cancellationToken);
                    await using (parts.ConfigureAwait(false))
                    {
                        while (await NextAsync(parts).ConfigureAwait(false)) yield return parts.Current;
                    }
                }
                yield break;
            case SourceEncodingKind.Utf8:
                var parser = detector.Detect(LenientUtf8.GetString(head.Span[bomLength..]));
                if (parser is JsonLinesParser)
                {
                    foreach (var part in ReadJsonLines(whole, context, batchSize, onProgress, cancellationToken)) yield return part;
                    yield break;
                }
                var bytes = await ReadDocumentAsync(whole, cancellationToken).ConfigureAwait(false);
                yield return new PaperSourceRead(parser.Parse(SourceEncoding.DecodeUtf8(bytes.AsSpan(bomLength)), context), null);
                yield break;
            default:
                var wide = await ReadDocumentAsync(whole, cancellationToken).ConfigureAwait(false);
                var text = SourceEncoding.DecodeWide(encoding, wide.AsSpan(bomLength));
                var wideParser = detector.Detect(text);
                if (wideParser is not JsonLinesParser)
                {
                    yield return new PaperSourceRead(wideParser.Parse(text, context), null);
                    yield break;
                }
                using (var utf8 = new MemoryStream(Encoding.UTF8.GetBytes(text), writable: false))
                {
                    foreach (var part in ReadJsonLines(utf8, context, batchSize, onProgress, cancellationToken)) yield return part;
                }
                yield break;
        }
    }

    /// <summary>The next part of a gzip source; broken gzip data becomes a <see cref="PaperFormatException"/>.</summary>
    private static async Task<bool> NextAsync(IAsyncEnumerator<PaperSourceRead> parts)
    {
        try
        {
            return await parts.MoveNextAsync().ConfigureAwait(false);
        }
        catch (InvalidDataException)
        {
            throw new PaperFormatException("broken gzip data");
        }
    }

    private IEnumerable<PaperSourceRead> ReadJsonLines(Stream stream, ParseContext context, int batchSize, Action<int>? onProgress, CancellationToken cancellationToken)
    {
        var rejections = new LineRejections();
        var papers = new List<Paper>();
        var read = 0;
        foreach (var paper in jsonLines.ReadLines(stream, context, rejections))
        {
            papers.Add(paper);
            if (++read % ProgressEvery == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                onProgress?.Invoke(read);
            }
            if (papers.Count < batchSize) continue;
            yield return new PaperSourceRead(papers, null);
            papers = [];
        }
        yield return new PaperSourceRead(papers, rejections.Summary());
    }

    /// <summary>The whole source, refused past <see cref="MaxDocumentBytes"/>.</summary>
    private static async Task<byte[]> ReadDocumentAsync(Stream stream, CancellationToken cancellationToken)
    {
        var all = await ReadUpToAsync(stream, MaxDocumentBytes + 1, cancellationToken).ConfigureAwait(false);
        if (all.Length > MaxDocumentBytes)
        {
            throw new PaperFormatException($"larger than {MaxDocumentBytes / (1024 * 1024)} MB; only JSON Lines may be larger (they are read line by line)");
        }
        return all.ToArray();
    }

    /// <summary>Reads until <paramref name="limit"/> bytes or the end of the stream, whichever comes first.</summary>
    private static async Task<ReadOnlyMemory<byte>> ReadUpToAsync(Stream stream, int limit, CancellationToken cancellationToken)
    {
        var buffer = new byte[Math.Min(limit, HeadLength)];
        var read = 0;
        while (read < limit)
        {
            if (read == buffer.Length) Array.Resize(ref buffer, (int)Math.Min(limit, buffer.Length * 2L));
            var n = await stream.ReadAsync(buffer.AsMemory(read), cancellationToken).ConfigureAwait(false);
            if (n == 0) break;
            read += n;
        }
        return buffer.AsMemory(0, read);
    }
}

/// <summary>What one source gave: its papers, and for JSON Lines a one-line report of the rejected rows (null when none).</summary>
public sealed record PaperSourceRead(IReadOnlyList<Paper> Papers, string? Problem);
