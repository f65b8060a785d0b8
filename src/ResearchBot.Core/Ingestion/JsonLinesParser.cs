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

    public string Format => "jsonl";

    public bool CanParse(string content) =>
        TextCleanup.FirstNonWhitespace(content) == '{' && !HuggingFaceJsonParser.IsPapersObject(content);

    public IReadOnlyList<Paper> Parse(string content, ParseContext context)
    {
        using var reader = new StringReader(content);
        return ReadLines(reader, context).ToList();
    }

    /// <summary>Streams papers line by line; throws <see cref="PaperFormatException"/> naming the first bad line.</summary>
    public IEnumerable<Paper> ReadLines(TextReader reader, ParseContext context)
    {
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            yield return ParseLine(line, lineNumber, context);
        }
    }

    private static Paper ParseLine(string line, int lineNumber, ParseContext context)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(line);
        }
        catch (JsonException)
        {
            throw new PaperFormatException($"line {lineNumber}: truncated or broken JSON");
        }
        using (doc)
        {
            var record = doc.RootElement;
            if (record.ValueKind != JsonValueKind.Object) throw new PaperFormatException($"line {lineNumber}: expected a JSON object");
            var rawTitle = record.GetString("title");
            if (string.IsNullOrWhiteSpace(rawTitle)) throw new PaperFormatException($"line {lineNumber}: paper without a title");
            return ToPaper(record, rawTitle, context);
        }
    }

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
