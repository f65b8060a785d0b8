using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using ResearchBot.Cli.Output;
using ResearchBot.Retrieval;
using ResearchBot.Storage;

namespace ResearchBot.Cli.Commands;

/// <summary>
/// <c>search "QUERY" [--top N] [--from D] [--to D] [--json]</c>: a table, or one JSON object. Without a query it reads one
/// query per line from standard input and writes one JSON object per line, in order.
/// </summary>
internal static class SearchCommand
{
    public static Command Create(CliContext cli)
    {
        var query = new Argument<string?>("QUERY")
        {
            Description = "What to look for; omit it to read one query per line from standard input (JSON Lines out)",
            Arity = ArgumentArity.ZeroOrOne,
        };
        query.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } text && text.StartsWith("--", StringComparison.Ordinal))
                result.AddError($"unknown option '{text}'");
        });
        var top = CommonOptions.Positive("--top", 10, "How many papers to return", max: 100);
        var from = CommonOptions.Date("--from", "Only papers dated on or after this day");
        var to = CommonOptions.Date("--to", "Only papers dated on or before this day");
        var json = CommonOptions.Json();
        var command = new Command("search", "Find the papers about a question (hybrid BM25 + vectors)") { query, top, from, to, json };
        command.SetAction((parse, ct) => RunAsync(cli, parse, parse.GetValue(query), parse.GetValue(top), parse.GetValue(from), parse.GetValue(to), parse.GetValue(json), ct));
        return command;
    }

    private static async Task<int> RunAsync(CliContext cli, ParseResult parse, string? query, int top, DateOnly? from, DateOnly? to, bool json, CancellationToken ct)
    {
        if (from > to) throw new CliException($"--from {from:yyyy-MM-dd} is after --to {to:yyyy-MM-dd}", CliApp.ExitUsage);
        using var host = cli.OpenHost(parse, access: StoreAccess.Reader);
        await cli.PrepareStoreAsync(host.Services, ct);
        var search = host.Services.GetRequiredService<IPaperSearch>();
        var output = cli.Console.Out;

        if (query is null)
        {
            if (cli.Console.IsSystemConsole && !System.Console.IsInputRedirected)
                cli.Console.WriteNote("reading queries from standard input, one a line (Ctrl+D to end); JSON Lines out");
            while (await cli.Console.In.ReadLineAsync(ct) is { } line)
            {
                var q = line.Trim();
                var results = await search.SearchAsync(new SearchQuery(q, top, from, to), ct);
                CliJson.WriteLine(output, SearchJson.From(q, results));
                await output.FlushAsync(ct);
            }
            return CliApp.ExitOk;
        }

        var found = await search.SearchAsync(new SearchQuery(query, top, from, to), ct);
        if (json) CliJson.WriteLine(output, SearchJson.From(query, found));
        else SearchTable.Write(cli.Console.Ansi, found);
        return CliApp.ExitOk;
    }
}
