using ResearchBot.Cli.Output;
using ResearchBot.Digest;

namespace ResearchBot.Cli.Repl;

/// <summary>What a key pressed at the pager's "more" prompt asks for.</summary>
internal enum PagerKey
{
    /// <summary>Space: the next screen.</summary>
    NextPage,

    /// <summary>Enter: one more line.</summary>
    NextLine,

    /// <summary>q or Escape: stop showing the rest.</summary>
    Quit,

    /// <summary>Any other key: ignored.</summary>
    Other,
}

/// <summary>
/// Shows a long digest in the REPL a screen at a time, like <c>more</c>: on a real terminal, text longer than the window
/// stops under a "more" prompt (Space: next screen, Enter: next line, q: stop). Piped or redirected output, and text
/// that fits the window, is written as before in one go.
/// </summary>
internal static class ReplPager
{
    /// <summary>The prompt shown between screens.</summary>
    public const string Prompt = "-- more (Space: next screen, Enter: next line, q: stop) --";

    /// <summary>Writes <paramref name="digest"/> to <paramref name="console"/>, paged when it is the process's own terminal.</summary>
    public static void WriteDigest(CliConsole console, DailyDigest digest)
    {
        if (!console.IsTerminal || !console.IsSystemConsole || Console.IsOutputRedirected || Console.IsInputRedirected)
        {
            DigestPrinter.Write(console, digest);
            return;
        }

        // Render once as the terminal would show it (colours, the window's width), then page the lines.
        using var buffer = new StringWriter();
        var rendered = new CliConsole(TextReader.Null, buffer, console.Error, isTerminal: true);
        rendered.Ansi.Profile.Width = console.Ansi.Profile.Width;
        rendered.Ansi.Profile.Capabilities.Ansi = console.Ansi.Profile.Capabilities.Ansi;
        rendered.Ansi.Profile.Capabilities.ColorSystem = console.Ansi.Profile.Capabilities.ColorSystem;
        rendered.Ansi.Profile.Capabilities.Links = console.Ansi.Profile.Capabilities.Links;
        DigestPrinter.Write(rendered, digest);
        var lines = buffer.ToString().ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        Show(lines, Console.WindowHeight, Console.Out, ReadKey);
        Console.Out.Flush();
    }

    /// <summary>
    /// Writes <paramref name="lines"/> a screen of <paramref name="height"/> − 1 lines at a time, asking
    /// <paramref name="readKey"/> at the prompt what to show next; all at once when they fit.
    /// </summary>
    /// <returns>How many lines were shown.</returns>
    public static int Show(IReadOnlyList<string> lines, int height, TextWriter output, Func<PagerKey> readKey)
    {
        var page = Math.Max(1, height - 1);
        var shown = Write(lines, 0, lines.Count <= height ? lines.Count : page, output);
        while (shown < lines.Count)
        {
            output.Write(Prompt);
            output.Flush();
            var key = readKey();
            while (key == PagerKey.Other) key = readKey();
            output.Write("\r" + new string(' ', Prompt.Length) + "\r");
            if (key == PagerKey.Quit) break;
            shown = Write(lines, shown, key == PagerKey.NextLine ? 1 : page, output);
        }
        return shown;
    }

    private static int Write(IReadOnlyList<string> lines, int from, int count, TextWriter output)
    {
        var to = Math.Min(lines.Count, from + count);
        for (var i = from; i < to; i++) output.WriteLine(lines[i]);
        return to;
    }

    private static PagerKey ReadKey()
    {
        var key = Console.ReadKey(intercept: true);
        return key.Key switch
        {
            ConsoleKey.Spacebar or ConsoleKey.PageDown => PagerKey.NextPage,
            ConsoleKey.Enter or ConsoleKey.DownArrow => PagerKey.NextLine,
            ConsoleKey.Q or ConsoleKey.Escape => PagerKey.Quit,
            _ => key.KeyChar == 'q' ? PagerKey.Quit : PagerKey.Other,
        };
    }
}
