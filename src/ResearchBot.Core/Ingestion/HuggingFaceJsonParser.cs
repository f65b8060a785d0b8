using System.Text.Json;
using ResearchBot.Papers;

namespace ResearchBot.Ingestion;

/// <summary>
/// Reads Hugging Face JSON: the <c>/api/daily_papers</c> array (items <c>{paper:{…}, publishedAt, …}</c>), search results
/// of the same shape, arrays of bare paper objects and a single paper object (<c>/api/papers/{id}</c>). The machine summary
/// and keywords stay apart from the abstract.
/// </summary>
public sealed class HuggingFaceJsonParser : IPaperParser
{
    /// <summary>Listing source for papers from the Hugging Face daily papers.</summary>
    public const string ListingSource = "hf-daily";

    private const int MaxDepth = 64;

    public string Format => "hf-json";

    public bool CanParse(string content) => TextCleanup.FirstNonWhitespace(content) == '[' || IsObjectDocument(content);

    public IReadOnlyList<Paper> Parse(string content, ParseContext context)
    {
        using var doc = ParseDocument(content);
        var root = doc.RootElement;
        if (root.ValueKind == JsonValueKind.Object && !(root.TryGetProperty("papers", out var wrappedList) && wrappedList.ValueKind == JsonValueKind.Array))
        {
            return ToPaper(root, context) is { } single ? [single] : throw new PaperFormatException("unexpected JSON: an object that is not a paper");
        }
        var items = root.ValueKind switch
        {
            JsonValueKind.Array => root,
            JsonValueKind.Object => root.GetProperty("papers"),
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
            return JsonDocument.Parse(content, new JsonDocumentOptions { MaxDepth = MaxDepth });
        }
        catch (JsonException ex)
        {
            throw new PaperFormatException($"{JsonFailure.Describe(ex, MaxDepth)} at line {ex.LineNumber + 1}");
        }
    }

    /// <summary>
    /// A JSON document that starts with an object but is not JSON Lines: a wrapped result list (<c>{"papers": […]}</c>)
    /// or a pretty-printed single paper (the first line is only <c>{</c>).
    /// </summary>
    internal static bool IsObjectDocument(string content)
    {
        var start = content.AsSpan().TrimStart().TrimStart('\uFEFF').TrimStart();
        if (start.IsEmpty || start[0] != '{') return false;
        var firstLineEnd = start.IndexOfAny('\r', '\n');
        if (firstLineEnd >= 0 && start[..firstLineEnd].Trim().SequenceEqual("{")) return true;
        return start[1..].TrimStart().StartsWith("\"papers\"", StringComparison.Ordinal);
    }
}
