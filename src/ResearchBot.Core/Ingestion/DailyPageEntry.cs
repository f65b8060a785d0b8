using System.Text;

namespace ResearchBot.Ingestion;

/// <summary>One paper as read from a Daily Papers page, before it becomes a <see cref="Papers.Paper"/>.</summary>
internal sealed class DailyPageEntry(string title)
{
    private readonly StringBuilder _abstract = new();

    public string Title { get; } = title;
    public string Abstract => _abstract.ToString();
    public int? AuthorCount { get; set; }
    public DateOnly? Published { get; set; }
    public int? Upvotes { get; set; }

    /// <summary>Adds a line to the abstract (a space between lines); linear however many lines an abstract has.</summary>
    public DailyPageEntry AppendAbstract(string line)
    {
        if (_abstract.Length > 0) _abstract.Append(' ');
        _abstract.Append(line);
        return this;
    }
}
