using System.Globalization;
using ResearchBot.Retrieval;
using Spectre.Console;

namespace ResearchBot.Cli.Output;

/// <summary>Search hits as a table (rank, score, date, title, id), hits below the relevance threshold dimmed, and a footer.</summary>
internal static class SearchTable
{
    public static void Write(IAnsiConsole ansi, SearchResults results)
    {
        if (results.Hits.Count == 0)
        {
            ansi.WriteLine(string.Create(CultureInfo.InvariantCulture, $"No papers found among {results.PapersInRange:N0}."));
            return;
        }
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn(new TableColumn("#").RightAligned())
            .AddColumn(new TableColumn("score").RightAligned())
            .AddColumn("date")
            .AddColumn("title")
            .AddColumn("id");
        var rank = 0;
        foreach (var hit in results.Hits)
        {
            var relevant = hit.Relevance >= results.RelevanceThreshold;
            string Cell(string text) => relevant ? Markup.Escape(text) : $"[dim]{Markup.Escape(text)}[/]";
            table.AddRow(
                Cell((++rank).ToString(CultureInfo.InvariantCulture)),
                Cell(hit.Relevance.ToString("0.000", CultureInfo.InvariantCulture)), // the 0..1 relevance a person can read, not the fused ranking score
                Cell(hit.Paper.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? ""),
                Cell(hit.Paper.Title),
                Cell(hit.Paper.Id));
        }
        ansi.Write(table);
        var weak = results.Hits.Count(h => h.Relevance < results.RelevanceThreshold);
        var footer = string.Create(CultureInfo.InvariantCulture, $"{results.Hits.Count} of {results.PapersInRange:N0} papers");
        if (weak > 0) footer += string.Create(CultureInfo.InvariantCulture, $"; {weak} below the relevance threshold {results.RelevanceThreshold:0.00} (dimmed)");
        ansi.WriteLine(footer);
    }
}
