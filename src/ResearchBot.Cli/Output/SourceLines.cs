using System.Globalization;
using ResearchBot.Answering;
using Spectre.Console;

namespace ResearchBot.Cli.Output;

/// <summary>Numbered sources as lines: "[n] Title (date) link" in plain text, or with the number highlighted and the title a hyperlink on a terminal that shows them.</summary>
internal static class SourceLines
{
    /// <summary>The plain line of one source.</summary>
    public static string Plain(AnswerSource source)
    {
        var line = $"[{source.N}] {source.Title}";
        if (source.Published is { } d) line += $" ({Day(d)})";
        if (source.Url is { } url) line += " " + url;
        return line;
    }

    /// <summary>
    /// The markup line of one source; <paramref name="dim"/> greys it out (a source the answer did not cite). With
    /// <paramref name="links"/> (a terminal that shows hyperlinks) the title is the link; otherwise the link follows it.
    /// </summary>
    public static string Markup(AnswerSource source, bool dim = false, bool links = false)
    {
        var title = Spectre.Console.Markup.Escape(source.Title);
        var url = source.Url is { Length: > 0 } u ? Spectre.Console.Markup.Escape(u) : null;
        var shownTitle = links && url is not null ? $"[link={url}]{title}[/]" : title;
        var line = $"[{CitationMarkup.Style}][[{source.N}]][/] {(dim ? $"[dim]{shownTitle}[/]" : shownTitle)}";
        if (source.Published is { } d) line += $" [dim]({Day(d)})[/]";
        if (!links && url is not null) line += $" [link={url}]{url}[/]";
        return line;
    }

    /// <summary>Writes <paramref name="sources"/> under a heading: markup on a terminal, plain lines otherwise.</summary>
    public static void Write(CliConsole console, string heading, IEnumerable<AnswerSource> sources, Func<AnswerSource, bool>? dim = null)
    {
        var list = sources.OrderBy(s => s.N).ToList();
        if (list.Count == 0) return;
        if (console.IsTerminal)
        {
            console.Ansi.MarkupLine($"[bold]{Spectre.Console.Markup.Escape(heading)}[/]");
            var links = console.Ansi.Profile.Capabilities.Links;
            foreach (var s in list) console.Ansi.MarkupLine(Markup(s, dim?.Invoke(s) ?? false, links));
        }
        else
        {
            console.Out.WriteLine(heading);
            foreach (var s in list) console.Out.WriteLine(Plain(s));
        }
    }

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
