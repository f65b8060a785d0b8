using System.Text.Json;
using ResearchBot.Papers;

namespace ResearchBot.Ingestion;

/// <summary>
/// Reads Hugging Face JSON: the <c>/api/daily_papers</c> array (items <c>{paper:{…}, publishedAt, …}</c>), search results
/// of the same shape, and arrays of bare paper objects. The machine summary and keywords stay apart from the abstract.
/// </summary>
public sealed class HuggingFaceJsonParser : IPaperParser
{
    /// <summary>Listing source for papers from the Hugging Face daily papers.</summary>
    public const string ListingSource = "hf-daily";

    public string Format => "hf-json";

    public bool CanParse(string content) => TextCleanup.FirstNonWhitespace(content) == '[' || IsPapersObject(content);

    public IReadOnlyList<Paper> Parse(string content, ParseContext context)
    {
        using var doc = ParseDocument(content);
        var items = doc.RootElement.ValueKind switch
        {
            JsonValueKind.Array => doc.RootElement,
            JsonValueKind.Object when doc.RootElement.TryGetProperty("papers", out var p) && p.ValueKind == JsonValueKind.Array => p,
            _ => throw new PaperFormatException("unexpected JSON: expected an array of Hugging Face papers"),
        };
        var papers = new List<Paper>(items.GetArrayLength());
        foreach (var item in items.EnumerateArray())
        {
            if (ToPaper(item, context) is { } paper) papers.Add(paper);
        }
        return papers;
    }

    private static Paper? ToPaper(JsonElement item, ParseContext context)
    {
        if (item.ValueKind != JsonValueKind.Object) return null;
        var wrapped = item.GetObject("paper");
        var paper = wrapped ?? item;
        var rawTitle = paper.GetString("title") ?? item.GetString("title");
        if (string.IsNullOrWhiteSpace(rawTitle)) return null;

        var title = TitleKey.Display(rawTitle);
        var rawId = paper.GetString("id");
        var arxivId = PaperId.TryArxiv(rawId);
        var authors = paper.GetNames("authors");
        var listingDay = context.DateOverride
            ?? (wrapped is not null ? item.GetDate("publishedAt") ?? paper.GetDate("submittedOnDailyAt") : null);
        var aiSummary = TextCleanup.CollapseWhitespace(paper.GetString("ai_summary") ?? item.GetString("ai_summary"));

        return new Paper
        {
            Id = arxivId ?? (string.IsNullOrWhiteSpace(rawId) ? PaperId.FromTitle(title) : rawId.Trim()),
            Title = title,
            Abstract = TextCleanup.CollapseWhitespace(paper.GetString("summary") ?? item.GetString("summary")),
            Authors = authors,
            AuthorCount = authors.Count > 0 ? authors.Count : null,
            Published = paper.GetDate("publishedAt"),
            Upvotes = paper.GetInt("upvotes") ?? item.GetInt("upvotes"),
            Url = arxivId is null ? null : $"https://huggingface.co/papers/{arxivId}",
            AiSummary = aiSummary.Length > 0 ? aiSummary : null,
            AiKeywords = paper.GetNames("ai_keywords") is { Count: > 0 } keywords ? keywords : item.GetNames("ai_keywords"),
            Listings = listingDay is { } day ? [new Listing(day, ListingSource)] : [],
        };
    }

    private static JsonDocument ParseDocument(string content)
    {
        try
        {
            return JsonDocument.Parse(content);
        }
        catch (JsonException ex)
        {
            throw new PaperFormatException($"truncated or broken JSON at line {ex.LineNumber + 1}");
        }
    }

    /// <summary>An object whose first property is <c>"papers"</c> (a wrapped result list), not a JSON Lines record.</summary>
    internal static bool IsPapersObject(string content)
    {
        var start = content.AsSpan().TrimStart().TrimStart('\uFEFF');
        if (start.IsEmpty || start[0] != '{') return false;
        var afterBrace = start[1..].TrimStart();
        return afterBrace.StartsWith("\"papers\"", StringComparison.Ordinal);
    }
}
