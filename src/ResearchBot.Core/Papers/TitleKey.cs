using System.Text;
using System.Text.RegularExpressions;

namespace ResearchBot.Papers;

/// <summary>
/// Title normalization: a display form with LaTeX markup simplified, and a comparison key under which the
/// same paper typeset two ways (<c>$\scriptsize\mathtt{F}$Laws</c> vs <c>scriptsizeFLaws</c>) is one paper.
/// </summary>
public static partial class TitleKey
{
    /// <summary>LaTeX command names left in a title typeset without its backslashes (never English words, so safe to drop).</summary>
    private static readonly string[] MarkupWords =
        ["scriptsize", "footnotesize", "mathtt", "mathrm", "mathbf", "mathcal", "mathit", "textbf", "textit", "texttt", "textrm"];

    /// <summary>The comparison key: lowercase letters and digits only (accents folded), LaTeX commands and markup words dropped, μ read as mu.</summary>
    public static string Of(string title)
    {
        var t = title.ToLowerInvariant().Replace("μ", "mu").Replace("µ", "mu");
        t = LatexCommand().Replace(t, "");
        var sb = new StringBuilder(t.Length);
        foreach (var c in t)
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9') sb.Append(c);
            else if (c > 127 && LatinFolding.Fold(c) is var f && f != '\0') sb.Append(f);
        }
        var key = sb.ToString();
        foreach (var w in MarkupWords) key = key.Replace(w, "");
        // A title with no Latin letters or digits (e.g. Chinese) keeps its own letters, or every such title would be one paper.
        return key.Length > 0 ? key : new string([.. t.Where(char.IsLetterOrDigit)]);
    }

    /// <summary>A readable title: <c>$\scriptsize\mathtt{F}$Laws</c> becomes <c>FLaws</c>, whitespace collapsed.</summary>
    public static string Display(string title)
    {
        var t = LatexCommand().Replace(title, "");
        t = t.Replace("$", "").Replace("{", "").Replace("}", "");
        return Whitespace().Replace(t, " ").Trim();
    }

    [GeneratedRegex(@"\\[A-Za-z]+")]
    private static partial Regex LatexCommand();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
