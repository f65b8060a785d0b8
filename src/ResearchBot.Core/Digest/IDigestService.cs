using ResearchBot.Answering;

namespace ResearchBot.Digest;

/// <summary>Writes the digest of one day's papers, or of a span of days.</summary>
public interface IDigestService
{
    /// <summary>The digest of <paramref name="day"/> (default: the latest listing day in the store) with the configured interests; null when the store has no such day.</summary>
    Task<DailyDigest?> CreateAsync(DateOnly? day = null, CancellationToken cancellationToken = default) =>
        CreateAsync(new DigestRequest(day), cancellationToken);

    /// <summary>The digest <paramref name="request"/> asks for; null when no paper was listed in its period.</summary>
    Task<DailyDigest?> CreateAsync(DigestRequest request, CancellationToken cancellationToken = default);
}

/// <summary>What digest to write.</summary>
/// <param name="Day">The listing day (default: the latest day in the store); the end of a span when <paramref name="From"/> is set.</param>
/// <param name="From">The first day of a span (with <paramref name="Day"/> as its last day, default the latest day).</param>
/// <param name="Interests">Phrases whose papers rank first and are marked; null uses <c>Digest:Interests</c>.</param>
public sealed record DigestRequest(DateOnly? Day = null, DateOnly? From = null, IReadOnlyList<string>? Interests = null);

/// <summary>A day's (or a span's) papers grouped into themes, each paper with a one-line summary and its [n].</summary>
/// <param name="Date">The listing day, or the last day of a span.</param>
/// <param name="Text">The whole digest as plain text (Markdown headings).</param>
/// <param name="Sources">Every paper, numbered, with its link and publication date.</param>
/// <param name="Themes">The themes in reading order ("Other" last).</param>
public sealed record DailyDigest(DateOnly Date, string Text, IReadOnlyList<AnswerSource> Sources, IReadOnlyList<DigestTheme> Themes)
{
    /// <summary>The first day covered (equal to <see cref="Date"/> for one day).</summary>
    public DateOnly From { get; init; } = Date;

    /// <summary>The numbers of the "Top of the day" papers, best first.</summary>
    public IReadOnlyList<int> Top { get; init; } = [];

    /// <summary>The interests that ranked and marked papers.</summary>
    public IReadOnlyList<string> Interests { get; init; } = [];

    /// <summary>For a span: themes new or grown compared with the previous span of the same length.</summary>
    public IReadOnlyList<ThemeChange> Changes { get; init; } = [];

    /// <summary>For a span: how many papers the previous span of the same length had (null for one day).</summary>
    public int? PreviousPapers { get; init; }

    /// <summary>Notices about how the digest was written (a model that failed part-way, one-liners that fell back).</summary>
    public IReadOnlyList<string> Notices { get; init; } = [];

    /// <summary>True when the digest covers more than one day.</summary>
    public bool IsSpan => From < Date;
}

/// <summary>A named group of the papers.</summary>
public sealed record DigestTheme(string Name, string Intro, IReadOnlyList<DigestItem> Items);

/// <summary>One paper in a digest.</summary>
public sealed record DigestItem(int N, string PaperId, string Title, string OneLiner)
{
    /// <summary>True when the paper matches one of the reader's interests.</summary>
    public bool Interest { get; init; }

    /// <summary>Upvotes when the source gives them.</summary>
    public int? Upvotes { get; init; }

    /// <summary>The paper's publication date (not its listing day) when known.</summary>
    public DateOnly? Published { get; init; }

    public string? Url { get; init; }

    /// <summary>Author names when known.</summary>
    public IReadOnlyList<string> Authors { get; init; } = [];
}

/// <summary>A theme of a span that is new or grew compared with the previous span of the same length.</summary>
/// <param name="Theme">The theme's name.</param>
/// <param name="Papers">Its papers in this span.</param>
/// <param name="Before">Papers of the previous span that share its phrase.</param>
public sealed record ThemeChange(string Theme, int Papers, int Before)
{
    /// <summary>True when no paper of the previous span shared its phrase.</summary>
    public bool IsNew => Before == 0;
}
