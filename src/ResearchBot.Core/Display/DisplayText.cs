using System.Buffers;

namespace ResearchBot.Display;

/// <summary>
/// Makes text safe to show a person: removes C0 control characters (except line feed and tab), DEL and C1 control
/// characters, so stored text (a title with <c>ESC[2J</c>, an OSC sequence, a BEL) cannot drive the terminal or a chat client.
/// The one sanitizer every human-readable output goes through (the CLI's console writers, the Discord message builders).
/// </summary>
public static class DisplayText
{
    private static readonly SearchValues<char> Controls = SearchValues.Create(BuildControls());

    /// <summary>True for a character <see cref="Clean"/> removes.</summary>
    public static bool IsUnsafe(char c) => Controls.Contains(c);

    /// <summary>The text without control characters; line feeds and tabs stay. Returns the same instance when nothing is removed.</summary>
    public static string Clean(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var first = text.AsSpan().IndexOfAny(Controls);
        if (first < 0) return text;
        return string.Create(text.Length - Count(text.AsSpan(first)), text, static (span, source) =>
        {
            var n = 0;
            foreach (var c in source)
                if (!Controls.Contains(c)) span[n++] = c;
        });
    }

    /// <summary><see cref="Clean"/> for an optional text.</summary>
    public static string? CleanOrNull(string? text) => text is null ? null : Clean(text);

    private static int Count(ReadOnlySpan<char> text)
    {
        var n = 0;
        foreach (var c in text)
            if (Controls.Contains(c)) n++;
        return n;
    }

    private static char[] BuildControls()
    {
        var list = new List<char>();
        for (var c = '\0'; c < ' '; c++)
            if (c is not ('\n' or '\t')) list.Add(c);
        list.Add('\u007f');
        for (var c = '\u0080'; c <= '\u009f'; c++) list.Add(c);
        return [.. list];
    }
}
