using System.Globalization;
using ResearchBot.Papers;
using Spectre.Console;

namespace ResearchBot.Cli.Output;

/// <summary>Shows one paper: title, id, date, authors, link, then its abstract.</summary>
internal static class PaperPrinter
{
    public static void Write(CliConsole console, Paper paper)
    {
        var meta = new List<string> { paper.Id };
        if (paper.Date is { } d) meta.Add(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (Authors(paper) is { } authors) meta.Add(authors);
        var url = PaperLinks.Url(paper);
        if (!console.IsTerminal)
        {
            console.Out.WriteLine(paper.Title);
            console.Out.WriteLine(string.Join(" · ", meta));
            console.Out.WriteLine(url);
            if (paper.Abstract.Length > 0)
            {
                console.Out.WriteLine();
                console.Out.WriteLine(paper.Abstract);
            }
            return;
        }
        var ansi = console.Ansi;
        var title = Markup.Escape(paper.Title);
        ansi.MarkupLine(ansi.Profile.Capabilities.Links ? $"[bold][link={Markup.Escape(url)}]{title}[/][/]" : $"[bold]{title}[/]");
        ansi.MarkupLine($"[dim]{Markup.Escape(string.Join(" · ", meta))}[/]");
        ansi.MarkupLine($"[link={Markup.Escape(url)}]{Markup.Escape(url)}[/]");
        if (paper.Abstract.Length > 0)
        {
            ansi.WriteLine();
            ansi.WriteLine(paper.Abstract);
        }
    }

    private static string? Authors(Paper paper)
    {
        if (paper.Authors.Count > 0)
            return paper.Authors.Count <= 3 ? string.Join(", ", paper.Authors) : string.Join(", ", paper.Authors.Take(3)) + " et al.";
        return paper.AuthorCount is { } n ? (n == 1 ? "1 author" : $"{n} authors") : null;
    }
}
