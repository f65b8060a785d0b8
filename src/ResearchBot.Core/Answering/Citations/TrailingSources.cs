using System.Text.RegularExpressions;

namespace ResearchBot.Answering.Citations;

/// <summary>Removes a sources list a model appends despite the prompt ("Sources:", "References", "## Sources" and the lines after), since hosts render the sources.</summary>
public static partial class TrailingSources
{
    /// <summary><paramref name="text"/> without a trailing sources section.</summary>
    public static string Remove(string text)
    {
        var m = Heading().Match(text);
        return m.Success ? text[..m.Index].TrimEnd() : text;
    }

    // A heading line near the end followed only by list-like lines ("[1] …", "- …", "1. …", blank lines between them) to the end of the text.
    [GeneratedRegex(@"\n[ \t]*(?:#{1,4}[ \t]*|\*\*)?(?:Sources|References|Citations|Cited sources)(?:\*\*)?[ \t]*:?[ \t]*(?:\*\*)?[ \t]*(?:\r?\n(?:[ \t]*\r?\n)*[ \t]*(?:\[\d+\]|[-*•]|\d+\.)[^\n]*)+\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex Heading();
}
