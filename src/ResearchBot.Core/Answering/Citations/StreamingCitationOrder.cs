using System.Text.RegularExpressions;

namespace ResearchBot.Answering.Citations;

/// <summary>
/// <see cref="CitationOrder"/> applied while an answer streams, so what a person reads as it arrives carries the same
/// numbers as the checked answer: each listed source gets the next number when it is first cited. A citation cut in
/// two ("[1" then "2]") is held back until it is whole; numbers that are not (yet) sources pass unchanged.
/// </summary>
public sealed partial class StreamingCitationOrder
{
    private readonly Dictionary<int, int> _map = [];
    private string _pending = "";

    /// <summary>The renumbered text of <paramref name="piece"/> given <paramref name="sourceCount"/> sources so far, less an unfinished citation at its end.</summary>
    public string Push(string piece, int sourceCount)
    {
        var text = _pending + piece;
        var open = Math.Max(text.LastIndexOf('['), text.LastIndexOf('【'));
        if (open >= 0 && text.Length - open <= 24 && OpenTail().IsMatch(text.AsSpan(open)))
        {
            _pending = text[open..];
            return Map(text[..open], sourceCount);
        }
        _pending = "";
        return Map(text, sourceCount);
    }

    /// <summary>Whatever is still held back.</summary>
    public string Flush(int sourceCount)
    {
        var rest = _pending;
        _pending = "";
        return Map(rest, sourceCount);
    }

    private string Map(string text, int sourceCount)
    {
        if (text.Length == 0) return text;
        return CitationOrder.Group().Replace(text, m =>
        {
            foreach (var n in CitationOrder.Expand(m.Groups["body"].Value))
                if (n >= 1 && n <= sourceCount) _map.TryAdd(n, _map.Count + 1);
            return CitationOrder.Rewrite(m, _map);
        });
    }

    [GeneratedRegex(@"^[\[【][\d,;\s\-–]*$")]
    private static partial Regex OpenTail();
}
