using System.Text.RegularExpressions;

namespace ResearchBot.Discord.Bot;

/// <summary>
/// Splits text into Discord messages of at most <c>limit</c> characters: on paragraph boundaries when it can, else lines,
/// sentences, words; never inside a <c>[n]</c> citation, a Markdown link or a URL.
/// </summary>
public static partial class MessageSplitter
{
    /// <summary>Separators in order of preference, each with the part of the limit a chunk must fill for it to be used.</summary>
    private static readonly (string Separator, double MinFill)[] Separators = [("\n\n", 0.5), ("\n", 0.5), (". ", 0.5), (" ", 0.0)];

    /// <summary>The chunks, in order, each trimmed, none empty, none longer than <paramref name="limit"/>.</summary>
    public static IReadOnlyList<string> Split(string text, int limit = 2000)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 16);
        text = text.Trim();
        var chunks = new List<string>();
        if (text.Length == 0) return chunks;
        var spans = ProtectedSpans(text);
        var start = 0;
        while (text.Length - start > limit)
        {
            var cut = FindCut(text, start, limit, spans);
            var chunk = text[start..cut].TrimEnd();
            if (chunk.Length > 0) chunks.Add(chunk);
            start = cut;
            while (start < text.Length && char.IsWhiteSpace(text[start])) start++;
        }
        if (start < text.Length) chunks.Add(text[start..]);
        return chunks;
    }

    /// <summary>The beginning of a growing text, fitting one message (marked with an ellipsis when cut).</summary>
    public static string Preview(string text, int limit = 2000)
    {
        var chunks = Split(text, limit - 2);
        return chunks.Count switch { 0 => "…", 1 => chunks[0], _ => chunks[0] + " …" };
    }

    /// <summary>Start and end (exclusive) of every span a cut must not fall inside.</summary>
    internal static List<(int Start, int End)> ProtectedSpans(string text) =>
        Protected().Matches(text).Select(m => (m.Index, m.Index + m.Length)).ToList();

    private static int FindCut(string text, int start, int limit, List<(int Start, int End)> spans)
    {
        var windowEnd = start + limit;
        foreach (var (separator, minFill) in Separators)
        {
            var minCut = start + (int)(limit * minFill);
            var keep = separator == ". " ? 1 : 0;
            for (var i = text.LastIndexOf(separator, windowEnd - keep, windowEnd - start - keep, StringComparison.Ordinal);
                 i > start && i + keep >= minCut;
                 i = text.LastIndexOf(separator, i - 1, i - start, StringComparison.Ordinal))
            {
                var cut = i + keep;
                if (cut <= windowEnd && IsValidCut(text, cut, spans)) return cut;
            }
        }
        for (var cut = windowEnd; cut > start; cut--)
            if (IsValidCut(text, cut, spans)) return cut;
        return windowEnd;
    }

    private static bool IsValidCut(string text, int cut, List<(int Start, int End)> spans) =>
        !(cut < text.Length && char.IsLowSurrogate(text[cut])) && !spans.Any(s => s.Start < cut && cut < s.End);

    [GeneratedRegex(@"\[[^\]\n]{0,300}\]\(<?[^)\s]{0,2000}>?\)|\[\d+(?:\s*[,;–-]\s*\d+)*\]|<https?://[^>\s]+>|https?://\S+")]
    private static partial Regex Protected();
}
