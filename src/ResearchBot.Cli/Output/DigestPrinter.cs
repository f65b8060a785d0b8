using System.Globalization;
using ResearchBot.Digest;
using Spectre.Console;

namespace ResearchBot.Cli.Output;

/// <summary>Shows a digest: themes with their intros and "[n] Title: one-liner" lines, then the numbered sources.</summary>
internal static class DigestPrinter
{
    public static void Write(CliConsole console, DailyDigest digest)
    {
        if (!console.IsTerminal)
        {
            console.Out.WriteLine(digest.Text);
            console.Out.WriteLine();
            SourceLines.Write(console, "Sources:", digest.Sources);
            return;
        }

        var ansi = console.Ansi;
        var papers = digest.Sources.Count == 1 ? "1 paper" : $"{digest.Sources.Count} papers";
        var themes = digest.Themes.Count == 1 ? "1 theme" : $"{digest.Themes.Count} themes";
        ansi.MarkupLine($"[bold]Digest of {digest.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}[/]: {papers} in {themes}");
        foreach (var theme in digest.Themes)
        {
            ansi.WriteLine();
            ansi.MarkupLine($"[bold yellow]{Markup.Escape(theme.Name)}[/]");
            if (theme.Intro.Length > 0) ansi.MarkupLine($"[italic]{Markup.Escape(theme.Intro)}[/]");
            foreach (var item in theme.Items)
                ansi.MarkupLine($"  [{CitationMarkup.Style}][[{item.N}]][/] [bold]{Markup.Escape(item.Title)}[/]: {CitationMarkup.Format(item.OneLiner.ReplaceLineEndings(" "))}");
        }
        ansi.WriteLine();
        SourceLines.Write(console, "Sources", digest.Sources);
    }
}
