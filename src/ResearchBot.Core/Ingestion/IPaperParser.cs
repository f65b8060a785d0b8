using ResearchBot.Papers;

namespace ResearchBot.Ingestion;

/// <summary>One input format (Daily Papers page, HF JSON, arXiv Atom, JSONL) turned into papers.</summary>
public interface IPaperParser
{
    /// <summary>Short format name used in messages, e.g. <c>daily-page</c>.</summary>
    string Format { get; }

    /// <summary>True when <paramref name="content"/> looks like this format (detection is by content, not file name).</summary>
    bool CanParse(string content);

    /// <summary>Parses the content. Throws <see cref="PaperFormatException"/> with a one-line reason on bad input.</summary>
    IReadOnlyList<Paper> Parse(string content, ParseContext context);
}

/// <summary>What a parser knows about its input beyond the content.</summary>
/// <param name="SourceName">The file name or URL (for messages and listing sources).</param>
/// <param name="DateOverride">The listing day given with <c>--date</c>, overriding a page's own date.</param>
/// <param name="Today">Today's date, to pick the year of a page date such as "Apr 28".</param>
public sealed record ParseContext(string SourceName, DateOnly? DateOverride, DateOnly Today);

/// <summary>Input that is not a usable paper source; the message is one line naming the reason.</summary>
public sealed class PaperFormatException(string message) : Exception(message);
