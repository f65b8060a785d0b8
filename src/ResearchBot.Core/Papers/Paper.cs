namespace ResearchBot.Papers;

/// <summary>A paper as the bot knows it: bibliographic fields, source-provided extras and every listing.</summary>
/// <remarks>
/// <see cref="AiSummary"/> and <see cref="AiKeywords"/> are machine-written by a source (Hugging Face);
/// they are kept apart from <see cref="Abstract"/> and are never quoted as the paper's own words.
/// </remarks>
public sealed record Paper
{
    /// <summary>The arXiv id when known (e.g. <c>2401.12345</c>), else a stable id from the normalized title (see <see cref="PaperId"/>).</summary>
    public required string Id { get; init; }

    /// <summary>Display title, with LaTeX markup simplified.</summary>
    public required string Title { get; init; }

    public string Abstract { get; init; } = "";

    /// <summary>Author names when the source gives them.</summary>
    public IReadOnlyList<string> Authors { get; init; } = [];

    /// <summary>Number of authors; set even when only a count is known ("• 9 authors").</summary>
    public int? AuthorCount { get; init; }

    public DateOnly? Published { get; init; }

    public int? Upvotes { get; init; }

    /// <summary>arXiv abstract page or Hugging Face paper page.</summary>
    public string? Url { get; init; }

    /// <summary>Machine summary from the source (never cited as the paper's words).</summary>
    public string? AiSummary { get; init; }

    /// <summary>Machine keywords from the source.</summary>
    public IReadOnlyList<string> AiKeywords { get; init; } = [];

    /// <summary>Every day the paper appeared on a daily listing, and from which source.</summary>
    public IReadOnlyList<Listing> Listings { get; init; } = [];

    /// <summary>The date used for filters and display: the first listing day, else the published date.</summary>
    public DateOnly? Date => Listings.Count > 0 ? Listings.Min(l => l.Day) : Published;

    /// <summary>The key two records of the same paper share (see <see cref="TitleKey.Of"/>).</summary>
    public string TitleKey => TitleKeys.GetValue(Title, static t => Papers.TitleKey.Of(t));

    /// <summary>Title keys computed once per title string (a paper's title is read for its key several times while ingesting).</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<string, string> TitleKeys = new();
}

/// <summary>One appearance of a paper on a daily listing.</summary>
/// <param name="Day">The listing's day.</param>
/// <param name="Source">Where the listing came from, e.g. <c>hf-daily</c>, <c>page</c>, <c>arxiv</c>.</param>
public sealed record Listing(DateOnly Day, string Source);
