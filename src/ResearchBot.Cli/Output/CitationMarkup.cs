using System.Text;
using System.Text.RegularExpressions;
using Spectre.Console;

namespace ResearchBot.Cli.Output;

/// <summary>
/// Turns answer text into Spectre markup with the [n] citations highlighted. Fed streamed pieces, it holds back a
/// citation cut in two ("[1" then "2]") until it is whole.
/// </summary>
internal sealed partial class CitationMarkup
{
    /// <summary>The style of a citation on a terminal.</summary>
    public const string Style = "bold cyan";

    private string _pending = "";

    /// <summary>The markup for <paramref name="piece"/>, less any unfinished citation at its end (kept for the next piece).</summary>
    public string Push(string piece)
    {
        var text = _pending + piece;
        var open = text.LastIndexOf('[');
        if (open >= 0 && text.Length - open <= 24 && OpenTail().IsMatch(text.AsSpan(open)))
        {
            _pending = text[open..];
            return Format(text[..open]);
        }
        _pending = "";
        return Format(text);
    }

    /// <summary>The markup for whatever is still held back.</summary>
    public string Flush()
    {
        var rest = _pending;
        _pending = "";
        return Format(rest);
    }

    /// <summary>Escapes <paramref name="text"/> as markup and highlights its citations.</summary>
    public static string Format(string text)
    {
        var sb = new StringBuilder(text.Length + 32);
        var last = 0;
        foreach (Match m in Citation().Matches(text))
        {
            sb.Append(Markup.Escape(text[last..m.Index]));
            sb.Append('[').Append(Style).Append(']').Append(Markup.Escape(m.Value)).Append("[/]");
            last = m.Index + m.Length;
        }
        return sb.Append(Markup.Escape(text[last..])).ToString();
    }

    [GeneratedRegex(@"\[\d+(?:\s*[,;\-–]\s*\d+)*\]")]
    private static partial Regex Citation();

    [GeneratedRegex(@"^\[[\d,;\s\-–]*$")]
    private static partial Regex OpenTail();
}
