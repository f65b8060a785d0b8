using System.Text.RegularExpressions;

namespace ResearchBot.Ingestion;

/// <summary>Small text helpers shared by the parsers.</summary>
internal static partial class TextCleanup
{
    /// <summary>Runs of whitespace (including line breaks) become one space; the ends are trimmed.</summary>
    public static string CollapseWhitespace(string? text) =>
        string.IsNullOrEmpty(text) ? "" : Whitespace().Replace(text, " ").Trim();

    /// <summary>The first character that is not whitespace or a byte order mark, or <c>'\0'</c> for blank text.</summary>
    public static char FirstNonWhitespace(string content)
    {
        foreach (var c in content)
        {
            if (!char.IsWhiteSpace(c) && c != '\uFEFF') return c;
        }
        return '\0';
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
