using System.Text;
using System.Text.RegularExpressions;

namespace ResearchBot.Answering.Citations;

/// <summary>
/// Filters a streamed model answer so what people see while it streams is what the checked answer will say: a
/// citation is held back until its bracket closes and then shown only with the numbers that are sources (normalized
/// as <see cref="CitationChecker"/> does), and a line that may start a trailing "Sources:" block is held until it is
/// clear whether list lines follow to the end (then the block is never shown). Whitespace is held too, so a removed
/// citation leaves no space before punctuation and no double space. One instance per answer; not thread-safe.
/// </summary>
/// <param name="numbers">The source numbers in use now (tool calls may add some while streaming; a follow-up about listed
/// papers keeps their list numbers, so they need not be 1..k).</param>
public sealed partial class StreamingCitationFilter(Func<IReadOnlySet<int>> numbers)
{
    /// <summary>A filter for sources numbered [1]..[<paramref name="sourceCount"/>()].</summary>
    public StreamingCitationFilter(Func<int> sourceCount) : this(() => Enumerable.Range(1, sourceCount()).ToHashSet())
    {
    }

    /// <summary>A bracket still open after this many characters is not a citation.</summary>
    private const int MaxBracket = 80;

    private static readonly string[] HeadingWords = ["sources", "references", "citations", "cited sources"];

    private readonly StringBuilder _run = new();
    private readonly StringBuilder _block = new();
    private string _pending = "";
    private bool _inBlock;
    private bool _skipHeading;
    private bool _started;

    /// <summary>The text of <paramref name="piece"/> that can be shown now (possibly empty); the rest is held.</summary>
    public string Push(string piece)
    {
        _pending += piece;
        return Drain(final: false);
    }

    /// <summary>Whatever is still held that belongs to the answer, at the end of the stream.</summary>
    public string Flush()
    {
        var output = Drain(final: true);
        _run.Clear();
        return output;
    }

    private string Drain(bool final)
    {
        var output = new StringBuilder();
        var text = _pending;
        var i = 0;
        while (i < text.Length)
        {
            if (_inBlock)
            {
                var end = text.IndexOf('\n', i);
                if (end < 0) break;
                var line = text[i..end].TrimEnd('\r');
                if (line.Trim().Length == 0 || ListLine().IsMatch(line))
                {
                    _block.Append('\n').Append(line);
                    i = end + 1;
                    continue;
                }
                text = ReleaseBlock() + "\n" + text[i..];
                i = 0;
                continue;
            }

            var c = text[i];
            if (c is ' ' or '\t' or '\n' or '\r')
            {
                _run.Append(c);
                i++;
                continue;
            }

            if (!_skipHeading && _started && _run.ToString().Contains('\n'))
            {
                var end = text.IndexOf('\n', i);
                var line = (end < 0 ? text[i..] : text[i..end]).TrimEnd('\r');
                if (end < 0 && !final && MayBeHeading(line)) break;
                if (end >= 0 && Heading().IsMatch(line))
                {
                    _inBlock = true;
                    _block.Clear().Append(_run).Append(line);
                    _run.Clear();
                    i = end + 1;
                    continue;
                }
            }
            _skipHeading = false;

            if (c is '[' or '【')
            {
                var close = BracketEnd(text, i);
                if (close == Undecided && !final) break;
                if (close >= 0)
                {
                    var check = CitationChecker.Check(text[i..(close + 1)], numbers());
                    if (check.Text.Length > 0) Emit(output, check.Text);
                    i = close + 1;
                    continue;
                }
            }
            Emit(output, c.ToString());
            i++;
        }
        _pending = text[i..];

        if (final && _inBlock)
        {
            var block = _block.ToString() + (_pending.Length > 0 ? "\n" + _pending : "");
            _inBlock = false;
            _pending = "";
            _block.Clear();
            // The same rule as the checked answer: a heading followed only by list lines to the end is dropped.
            if (TrailingSources.Remove(block).Trim().Length > 0)
            {
                _pending = block;
                _skipHeading = true;
                output.Append(Drain(final: true));
            }
        }
        return output.ToString();
    }

    private string ReleaseBlock()
    {
        var block = _block.ToString();
        _block.Clear();
        _inBlock = false;
        _skipHeading = true;
        return block;
    }

    /// <summary>Shows <paramref name="text"/> after the held whitespace, normalized as the checked answer is.</summary>
    private void Emit(StringBuilder output, string text)
    {
        if (_run.Length > 0)
        {
            var run = _run.ToString();
            _run.Clear();
            if (_started)
            {
                var beforePunct = text[0] is '.' or ',' or ';' or ':' or '!' or '?' or ')';
                if (run.Contains('\n')) output.Append(beforePunct ? run.TrimEnd(' ', '\t') : run);
                else if (!beforePunct) output.Append(run.Length >= 2 ? " " : run);
            }
        }
        output.Append(text);
        _started = true;
    }

    private const int Undecided = -2;

    /// <summary>The index of the bracket closing a citation group opened at <paramref name="open"/>, -1 when it is no citation, <see cref="Undecided"/> when the text ends first.</summary>
    private static int BracketEnd(string text, int open)
    {
        for (var j = open + 1; j < text.Length; j++)
        {
            var ch = text[j];
            if (ch is ']' or '】') return Group().IsMatch(text.AsSpan(open, j - open + 1)) ? j : -1;
            if (!(char.IsAsciiDigit(ch) || ch is ',' or ';' or '-' or '–' or ' ' or '\t') || j - open > MaxBracket) return -1;
        }
        return Undecided;
    }

    /// <summary>True when an unfinished line could still become a sources heading ("##", "**Sour", "References:").</summary>
    private static bool MayBeHeading(string line)
    {
        var s = line.TrimStart(' ', '\t', '#', '*').ToLowerInvariant();
        return HeadingWords.Any(w => w.StartsWith(s, StringComparison.Ordinal)
            || (s.StartsWith(w, StringComparison.Ordinal) && s[w.Length..].All(ch => ch is '*' or ':' or ' ' or '\t')));
    }

    [GeneratedRegex(@"^[\[【]\s*\d{1,4}(?:\s*[,;\-–]\s*\d{1,4})*\s*[\]】]$")]
    private static partial Regex Group();

    [GeneratedRegex(@"^[ \t]*(?:#{1,4}[ \t]*|\*\*)?(?:Sources|References|Citations|Cited sources)(?:\*\*)?[ \t]*:?[ \t]*(?:\*\*)?[ \t]*$", RegexOptions.IgnoreCase)]
    private static partial Regex Heading();

    [GeneratedRegex(@"^[ \t]*(?:\[\d+\]|[-*•]|\d+\.)")]
    private static partial Regex ListLine();
}
