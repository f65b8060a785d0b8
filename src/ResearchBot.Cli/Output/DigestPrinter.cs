using ResearchBot.Answering;
using ResearchBot.Digest;
using Spectre.Console;

namespace ResearchBot.Cli.Output;

/// <summary>
/// Shows a digest: themes with their intros and "[n] Title" lines each followed by the one-liner, then a compact
/// numbered list of links with publication dates (no second copy of the titles). Notices go to stderr.
/// </summary>
internal static class DigestPrinter
{
    public static void Write(CliConsole console, DailyDigest digest)
    {
        foreach (var notice in digest.Notices) console.WriteNote("note: " + notice);
        if (!console.IsTerminal)
        {
            console.Out.WriteLine(digest.Text);
            console.Out.WriteLine();
            console.Out.WriteLine("Links (dates are publication dates):");
            foreach (var s in digest.Sources.OrderBy(s => s.N)) console.Out.WriteLine(LinkLine(s));
            return;
        }

        var ansi = console.Ansi;
        ansi.MarkupLine($"[bold]{Markup.Escape(DigestText.Title(digest))}[/]");
        ansi.MarkupLine($"[dim]{Markup.Escape(DigestText.Summary(digest))}[/]");
        if (digest.Interests.Count > 0) ansi.MarkupLine($"[dim]Interests: {Markup.Escape(string.Join(", ", digest.Interests))} ([/][yellow]★[/][dim] marks matching papers)[/]");
        var items = digest.Themes.SelectMany(t => t.Items).ToDictionary(i => i.N);
        if (digest.Top.Count > 0)
        {
            ansi.WriteLine();
            ansi.MarkupLine($"[bold]Top of the {(digest.IsSpan ? "span" : "day")}[/]");
            foreach (var n in digest.Top)
                ansi.MarkupLine($"  [{CitationMarkup.Style}][[{n}]][/] {Markup.Escape(items[n].Title)}[dim]{Markup.Escape(DigestText.Upvotes(items[n]))}[/]");
        }
        if (digest.PreviousPapers is { } before)
        {
            ansi.WriteLine();
            ansi.MarkupLine($"[bold]What changed[/] [dim]{Markup.Escape(DigestRenderer.WhatChanged(new DigestPeriod(digest.From, digest.Date), before, [])["What changed".Length..])}[/]");
            foreach (var c in digest.Changes) ansi.MarkupLine($"  {Markup.Escape(DigestRenderer.Change(c))}");
        }
        foreach (var theme in digest.Themes)
        {
            ansi.WriteLine();
            ansi.MarkupLine($"[bold yellow]{Markup.Escape(theme.Name)}[/]");
            if (theme.Intro.Length > 0) ansi.MarkupLine($"[italic]{CitationMarkup.Format(theme.Intro)}[/]");
            foreach (var item in theme.Items)
            {
                ansi.MarkupLine($"  [{CitationMarkup.Style}][[{item.N}]][/] {(item.Interest ? "[yellow]★[/] " : "")}[bold]{Markup.Escape(item.Title)}[/]");
                ansi.MarkupLine($"      {Markup.Escape(item.OneLiner.ReplaceLineEndings(" "))}");
            }
        }
        ansi.WriteLine();
        ansi.MarkupLine("[bold]Links[/] [dim](dates are publication dates)[/]");
        foreach (var s in digest.Sources.OrderBy(s => s.N))
        {
            var url = s.Url is { } u ? $"[link={Markup.Escape(u)}]{Markup.Escape(Compact(u))}[/]" : "[dim]no link[/]";
            ansi.MarkupLine($"[{CitationMarkup.Style}][[{s.N}]][/] {url}{(s.Published is { } d ? $" [dim]published {DigestText.Day(d)}[/]" : "")}");
        }
    }

    /// <summary>"[3] https://arxiv.org/abs/2404.11912 (published 2024-04-18)".</summary>
    public static string LinkLine(AnswerSource s) =>
        $"[{s.N}] {s.Url ?? "no link"}{(s.Published is { } d ? $" (published {DigestText.Day(d)})" : "")}";

    private static string Compact(string url) => url.Replace("https://", "", StringComparison.Ordinal).Replace("http://", "", StringComparison.Ordinal);
}
