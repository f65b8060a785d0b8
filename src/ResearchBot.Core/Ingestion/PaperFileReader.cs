using System.Text;
using ResearchBot.Papers;

namespace ResearchBot.Ingestion;

/// <summary>
/// Reads a paper file: detects its format from the first few KB, then parses it — JSON Lines streamed line by line,
/// other formats read whole.
/// </summary>
public sealed class PaperFileReader(PaperFormatDetector detector, JsonLinesParser jsonLines)
{
    private const int HeadLength = 16 * 1024;
    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    /// <summary>Parses the file; throws <see cref="PaperFormatException"/> for bad content and <see cref="IOException"/> when it cannot be read.</summary>
    /// <param name="onProgress">Called now and then with the number of papers read so far (large JSON Lines files).</param>
    public async Task<IReadOnlyList<Paper>> ReadAsync(string path, ParseContext context, Action<int>? onProgress = null, CancellationToken cancellationToken = default)
    {
        var head = await ReadHeadAsync(path, cancellationToken).ConfigureAwait(false);
        var parser = detector.Detect(head.Text);
        if (parser is JsonLinesParser)
        {
            return ReadJsonLines(path, context, onProgress, cancellationToken);
        }
        var content = head.IsWholeFile ? head.Text : await File.ReadAllTextAsync(path, Utf8, cancellationToken).ConfigureAwait(false);
        return parser.Parse(content, context);
    }

    private List<Paper> ReadJsonLines(string path, ParseContext context, Action<int>? onProgress, CancellationToken cancellationToken)
    {
        const int progressEvery = 10_000;
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16);
        var papers = new List<Paper>();
        foreach (var paper in jsonLines.ReadLines(stream, context))
        {
            papers.Add(paper);
            if (papers.Count % progressEvery == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                onProgress?.Invoke(papers.Count);
            }
        }
        return papers;
    }

    private static async Task<(string Text, bool IsWholeFile)> ReadHeadAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, useAsync: true);
        var buffer = new byte[HeadLength];
        var read = 0;
        while (read < buffer.Length)
        {
            var n = await stream.ReadAsync(buffer.AsMemory(read), cancellationToken).ConfigureAwait(false);
            if (n == 0) break;
            read += n;
        }
        if (read == 0) throw new PaperFormatException("empty file");
        if (Array.IndexOf(buffer, (byte)0, 0, read) >= 0) throw new PaperFormatException("binary content, not a text paper source");
        var isWholeFile = read < buffer.Length || stream.Position == stream.Length;
        var bomLength = read >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF ? 3 : 0;
        // A cut in the middle of a multi-byte character only affects the sniffed head, never the parsed text.
        return (Utf8.GetString(buffer, bomLength, read - bomLength), isWholeFile);
    }
}
