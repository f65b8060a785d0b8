using ResearchBot.Answering;

namespace ResearchBot.Digest;

/// <summary>Writes the digest of one day's papers.</summary>
public interface IDigestService
{
    /// <summary>The digest of <paramref name="day"/> (default: the latest listing day in the store); null when the store has no such day.</summary>
    Task<DailyDigest?> CreateAsync(DateOnly? day = null, CancellationToken cancellationToken = default);
}

/// <summary>A day's papers grouped into themes, each paper with a one-line summary and its [n].</summary>
public sealed record DailyDigest(DateOnly Date, string Text, IReadOnlyList<AnswerSource> Sources, IReadOnlyList<DigestTheme> Themes);

/// <summary>A named group of the day's papers.</summary>
public sealed record DigestTheme(string Name, string Intro, IReadOnlyList<DigestItem> Items);

/// <summary>One paper in a digest.</summary>
public sealed record DigestItem(int N, string PaperId, string Title, string OneLiner);
