using ResearchBot.Papers;

namespace ResearchBot.Ingestion;

/// <summary>Picks the parser for some content by looking at the content itself (never the file name).</summary>
public sealed class PaperFormatDetector(IEnumerable<IPaperParser> parsers)
{
    private const int SniffLength = 8 * 1024;
    private readonly IReadOnlyList<IPaperParser> _parsers = parsers.ToList();

    /// <summary>The parser for <paramref name="content"/>; throws <see cref="PaperFormatException"/> for empty, binary or unknown content.</summary>
    public IPaperParser Detect(string content)
    {
        if (TextCleanup.FirstNonWhitespace(content) == '\0') throw new PaperFormatException("empty file");
        if (LooksBinary(content)) throw new PaperFormatException("binary content, not a text paper source");
        return _parsers.FirstOrDefault(p => p.CanParse(content))
            ?? throw new PaperFormatException("unknown format: not a Daily Papers page, Hugging Face JSON, arXiv Atom feed or JSON Lines");
    }

    /// <summary>Detects the format and parses.</summary>
    public IReadOnlyList<Paper> Parse(string content, ParseContext context) => Detect(content).Parse(content, context);

    /// <summary>
    /// More than one character in ten is a control character that text does not use (NUL, BEL, …) or undecodable in the
    /// first few KB; a few such characters are not binary, they are reported where they are.
    /// </summary>
    private static bool LooksBinary(string content)
    {
        var sample = content.AsSpan(0, Math.Min(content.Length, SniffLength));
        var suspicious = 0;
        foreach (var c in sample)
        {
            if (c == '\uFFFD' || (char.IsControl(c) && c is not ('\n' or '\r' or '\t' or '\f' or '\v' or '\u001B'))) suspicious++;
        }
        return suspicious * 10 > sample.Length;
    }
}
