using System.Text;
using System.Text.Json;
using ResearchBot.Papers;

namespace ResearchBot.Ingestion;

/// <summary>
/// Reads JSON Lines, one paper a line: <c>{"id","title","abstract" (or "summary"),"published","authors":[…],"url"}</c>.
/// An arXiv id is normalized (version dropped), other ids are kept as given, a missing id comes from the title.
/// </summary>
public sealed class JsonLinesParser : IPaperParser
{
    /// <summary>Listing source used when JSON Lines are ingested with a listing day (<c>--date</c>).</summary>
    public const string ListingSource = "jsonl";

    /// <summary>A row longer than this many bytes is rejected without being held in memory.</summary>
    public const int MaxLineBytes = 16 * 1024 * 1024;

    private const int InitialBufferSize = 1 << 16;
    private const int MaxDepth = 64;
    private static readonly string TooLong = $"longer than {MaxLineBytes / (1024 * 1024)} MB";
    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

    public string Format => "jsonl";

    public bool CanParse(string content) =>
        TextCleanup.FirstNonWhitespace(content) == '{' && !HuggingFaceJsonParser.IsObjectDocument(content);

    /// <summary>Parses all lines; throws <see cref="PaperFormatException"/> naming the first bad line when any line is bad.</summary>
    public IReadOnlyList<Paper> Parse(string content, ParseContext context)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(content), writable: false);
        var rejections = new LineRejections();
        var papers = ReadLines(stream, context, rejections).ToList();
        return rejections.Count == 0 ? papers : throw new PaperFormatException(rejections.First[0]);
    }

    /// <summary>
    /// Streams papers line by line from UTF-8 bytes. Each row stands on its own: a bad row (broken JSON, invalid UTF-8,
    /// no title, longer than <see cref="MaxLineBytes"/>) is added to <paramref name="rejections"/> and the others are read on.
    /// </summary>
    public IEnumerable<Paper> ReadLines(Stream stream, ParseContext context, LineRejections rejections)
    {
        var buffer = new byte[InitialBufferSize];
        int start = 0, end = 0, lineNumber = 0;
        var endOfStream = false;
        var skippingLongLine = false;
        while (true)
        {
            var newline = buffer.AsSpan(start, end - start).IndexOf((byte)'\n');
            if (newline < 0)
            {
                if (!skippingLongLine && end - start > MaxLineBytes)
                {
                    // A line past the cap is dropped as it streams by, so memory stays bounded however long it is.
                    skippingLongLine = true;
                    rejections.Rows++;
                    rejections.Add(++lineNumber, TooLong);
                }
                if (skippingLongLine) start = end = 0;
                if (endOfStream)
                {
                    if (end > start && ParseLine(buffer.AsMemory(start, end - start), ++lineNumber, context, rejections) is { } last) yield return last;
                    yield break;
                }
                if (start > 0)
                {
                    Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
                    end -= start;
                    start = 0;
                }
                if (end == buffer.Length) Array.Resize(ref buffer, buffer.Length * 2);
                var read = stream.Read(buffer, end, buffer.Length - end);
                if (read == 0) endOfStream = true;
                end += read;
                continue;
            }
            var line = buffer.AsMemory(start, newline);
            start += newline + 1;
            if (skippingLongLine)
            {
                skippingLongLine = false;
                continue;
            }
            if (newline > MaxLineBytes)
            {
                rejections.Rows++;
                rejections.Add(++lineNumber, TooLong);
                continue;
            }
            if (ParseLine(line, ++lineNumber, context, rejections) is { } paper) yield return paper;
        }
    }

    private static Paper? ParseLine(ReadOnlyMemory<byte> line, int lineNumber, ParseContext context, LineRejections rejections)
    {
        var text = TrimLine(line, lineNumber);
        if (text.IsEmpty) return null;
        rejections.Rows++;
        if (ReadRecord(text, context, out var reason) is { } paper) return paper;
        rejections.Add(lineNumber, reason!);
        return null;
    }

    private static Paper? ReadRecord(ReadOnlyMemory<byte> text, ParseContext context, out string? reason)
    {
        reason = null;
        if (!System.Text.Unicode.Utf8.IsValid(text.Span))
        {
            reason = "invalid UTF-8";
            return null;
        }
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = MaxDepth });
        }
        catch (JsonException ex)
        {
            reason = JsonFailure.Describe(ex, MaxDepth);
            return null;
        }
        using (doc)
        {
            var record = doc.RootElement;
            if (record.ValueKind != JsonValueKind.Object)
            {
                reason = "expected a JSON object";
                return null;
            }
            var rawTitle = record.GetString("title");
            if (string.IsNullOrWhiteSpace(rawTitle))
            {
                reason = "paper without a title";
                return null;
            }
            return ToPaper(record, rawTitle, context);
        }
    }

    /// <summary>The line without surrounding whitespace, and without a byte order mark on the first line.</summary>
    private static ReadOnlyMemory<byte> TrimLine(ReadOnlyMemory<byte> line, int lineNumber)
    {
        var span = line.Span;
        var from = lineNumber == 1 && span.StartsWith(Utf8Bom) ? Utf8Bom.Length : 0;
        var to = span.Length;
        while (from < to && IsJsonWhitespace(span[from])) from++;
        while (to > from && IsJsonWhitespace(span[to - 1])) to--;
        return line[from..to];
    }

    private static bool IsJsonWhitespace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n';

    private static Paper ToPaper(JsonElement record, string rawTitle, ParseContext context)
    {
        var title = TitleKey.Display(rawTitle);
        var rawId = record.GetString("id")?.Trim();
        var id = string.IsNullOrEmpty(rawId) ? PaperId.FromTitle(title) : PaperId.TryArxiv(rawId) ?? rawId;
        var authors = record.GetNames("authors");
        var aiSummary = TextCleanup.CollapseWhitespace(record.GetString("ai_summary"));
        return new Paper
        {
            Id = id,
            Title = title,
            Abstract = TextCleanup.CollapseWhitespace(record.GetString("abstract") ?? record.GetString("summary")),
            Authors = authors,
            AuthorCount = authors.Count > 0 ? authors.Count : record.GetInt("author_count"),
            Published = record.GetDate("published"),
            Upvotes = record.GetInt("upvotes"),
            Url = record.GetString("url") ?? PaperId.ArxivUrl(id),
            AiSummary = aiSummary.Length > 0 ? aiSummary : null,
            AiKeywords = record.GetNames("ai_keywords"),
            Listings = context.DateOverride is { } day ? [new Listing(day, ListingSource)] : [],
        };
    }
}
