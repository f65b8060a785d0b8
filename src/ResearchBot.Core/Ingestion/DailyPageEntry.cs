namespace ResearchBot.Ingestion;

/// <summary>One paper as read from a Daily Papers page, before it becomes a <see cref="Papers.Paper"/>.</summary>
internal sealed class DailyPageEntry(string title)
{
    public string Title { get; } = title;
    public string Abstract { get; set; } = "";
    public int? AuthorCount { get; set; }
    public DateOnly? Published { get; set; }
    public int? Upvotes { get; set; }
}
