namespace ResearchBot.Ingestion;

/// <summary>Small text helpers shared by the parsers.</summary>
internal static partial class TextCleanup
{
    /// <summary>
    /// The text without terminal escape sequences (CSI such as <c>ESC[2J</c>, OSC such as a window title) and without C0/C1
    /// control characters; a control that is whitespace becomes a space. The same string when there is nothing to remove.
    /// </summary>
    public static string StripControls(string text)
    {
        if (!text.AsSpan().ContainsAnyInRange('\u0000', '\u001F') && !text.AsSpan().ContainsAnyInRange('\u007F', '\u009F')) return text;
        var withoutSequences = EscapeSequence().Replace(text, "");
        var sb = new System.Text.StringBuilder(withoutSequences.Length);
        foreach (var c in withoutSequences)
        {
            if (!char.IsControl(c)) sb.Append(c);
            else if (char.IsWhiteSpace(c)) sb.Append(' ');
        }
        return CollapseWhitespace(sb.ToString());
    }

    /// <summary>Runs of whitespace (including line breaks) become one space; the ends are trimmed.</summary>
    public static string CollapseWhitespace(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        if (IsCollapsed(text)) return text;
        Span<char> buffer = text.Length <= 512 ? stackalloc char[text.Length] : new char[text.Length];
        var length = 0;
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = length > 0;
                continue;
            }
            if (pendingSpace) buffer[length++] = ' ';
            pendingSpace = false;
            buffer[length++] = c;
        }
        return new string(buffer[..length]);
    }

    /// <summary>The first character that is not whitespace or a byte order mark, or <c>'\0'</c> for blank text.</summary>
    public static char FirstNonWhitespace(string content)
    {
        foreach (var c in content)
        {
            if (!char.IsWhiteSpace(c) && c != '\uFEFF') return c;
        }
        return '\0';
    }

    /// <summary>True when the text has no whitespace other than single spaces between words.</summary>
    private static bool IsCollapsed(string text)
    {
        if (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1])) return false;
        var previousSpace = false;
        foreach (var c in text)
        {
            if (c == ' ')
            {
                if (previousSpace) return false;
                previousSpace = true;
            }
            else if (char.IsWhiteSpace(c)) return false;
            else previousSpace = false;
        }
        return true;
    }

    /// <summary>ESC or the C1 CSI/OSC introducers and what belongs to them: CSI parameters and final byte, OSC text up to BEL or ST.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"(?:\u001B\[|\u009B)[0-?]*[ -/]*[@-~]?|(?:\u001B\]|\u009D)[^\u0007\u001B\u009C]*(?:\u0007|\u001B\\|\u009C)?|\u001B[@-Z\\-_]?")]
    private static partial System.Text.RegularExpressions.Regex EscapeSequence();
}
