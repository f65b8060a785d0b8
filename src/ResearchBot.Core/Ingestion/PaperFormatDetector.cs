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

    /// <summary>NUL characters, many control characters or many undecodable bytes in the first few KB.</summary>
    private static bool LooksBinary(string content)
    {
        var sample = content.AsSpan(0, Math.Min(content.Length, SniffLength));
        var suspicious = 0;
        foreach (var c in sample)
        {
            if (c == '\0') return true;
            if (c == '\uFFFD' || (char.IsControl(c) && c is not ('\n' or '\r' or '\t' or '\f'))) suspicious++;
        }
        return suspicious > Math.Max(2, sample.Length / 100);
    }
}
