using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using ResearchBot.Ingestion;
using ResearchBot.Cli.Output;
using Spectre.Console;

namespace ResearchBot.Cli.Commands;

/// <summary><c>ingest SOURCE… [--date D] [--query Q] [--max N]</c>: files, folders, <c>hf</c> and <c>arxiv</c> into the store.</summary>
internal static class IngestCommand
{
    public static Command Create(CliContext cli)
    {
        var sources = new Argument<string[]>("SOURCE")
        {
            Description = "Files or folders (Daily Papers pages, Hugging Face JSON, arXiv Atom, JSON Lines, also gzipped), '-' for standard input, or 'hf' / 'arxiv' for the online sources",
            Arity = ArgumentArity.OneOrMore,
        };
        var date = CommonOptions.Date("--date", "Listing day for pages (overrides the page's own date); for 'hf' the day to fetch (default today)");
        var query = new Option<string?>("--query") { Description = "For 'arxiv': the search query, e.g. \"cat:cs.CL\"", HelpName = "Q" };
        var max = CommonOptions.Positive("--max", 100, "For 'arxiv': at most this many papers");
        var command = new Command("ingest", "Add papers to the store; the same paper is stored once and listings merge") { sources, date, query, max };
        command.SetAction((parse, ct) => RunAsync(cli, parse, new IngestRequest(
            parse.GetRequiredValue(sources), parse.GetValue(date), parse.GetValue(query), parse.GetValue(max), StandardInput(cli.Console)), ct));
        return command;
    }

    private static async Task<int> RunAsync(CliContext cli, ParseResult parse, IngestRequest request, CancellationToken ct)
    {
        using var host = cli.OpenHost(parse, access: ResearchBot.Storage.StoreAccess.Writer);
        var ingestion = host.Services.GetRequiredService<IIngestionService>();
        var console = cli.Console;
        var report = console.IsTerminal
            ? await WithProgressAsync(console.Ansi, ingestion, request, ct)
            : await ingestion.IngestAsync(request, cancellationToken: ct);

        foreach (var warning in report.Warnings) console.WriteNote("warning: " + warning);
        foreach (var failure in report.Failures) console.WriteError(failure.ToString());
        console.Out.WriteLine(Summary(report));
        return report.Succeeded ? CliApp.ExitOk : CliApp.ExitFailure;
    }

    /// <summary>Standard input as bytes: the process's own, or (in-process runs) the console's text reader as UTF-8.</summary>
    private static Func<Stream> StandardInput(CliConsole console) => console.IsSystemConsole
        ? Console.OpenStandardInput
        : () => new MemoryStream(System.Text.Encoding.UTF8.GetBytes(console.In.ReadToEnd()), writable: false);

    /// <summary>The closing line: parsed, added, updated, unchanged, failed sources, elapsed.</summary>
    internal static string Summary(IngestReport r)
    {
        var line = string.Create(CultureInfo.InvariantCulture,
            $"{r.Parsed:N0} parsed: {r.Added:N0} added, {r.Updated:N0} updated, {r.Unchanged:N0} unchanged in {r.Elapsed.TotalSeconds:0.0} s");
        return r.Failures.Count == 0 ? line : line + $"; {r.Failures.Count} source{(r.Failures.Count == 1 ? "" : "s")} failed";
    }

    private static Task<IngestReport> WithProgressAsync(IAnsiConsole ansi, IIngestionService ingestion, IngestRequest request, CancellationToken ct) =>
        ansi.Progress()
            .AutoClear(true)
            .Columns(new SpinnerColumn(), new TaskDescriptionColumn { Alignment = Justify.Left }, new ElapsedTimeColumn())
            .StartAsync(async ctx =>
            {
                var task = ctx.AddTask("starting", maxValue: 1).IsIndeterminate();
                var progress = new InlineProgress<IngestProgress>(p =>
                    task.Description = Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"{Path.GetFileName(p.Source)}: {p.PapersSoFar:N0} papers so far")));
                var report = await ingestion.IngestAsync(request, progress, ct);
                task.Value = 1;
                task.StopTask();
                return report;
            });
}
