using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using ResearchBot.Cli.Output;
using ResearchBot.Storage;
using Spectre.Console;

namespace ResearchBot.Cli.Commands;

/// <summary><c>reembed</c>: rebuilds every stored vector with the configured embedder (after changing provider or model).</summary>
internal static class ReembedCommand
{
    public static Command Create(CliContext cli)
    {
        var command = new Command("reembed", "Rebuild every paper's embedding with the configured embedder (Embeddings section)");
        command.SetAction((parse, ct) => RunAsync(cli, parse, ct));
        return command;
    }

    private static async Task<int> RunAsync(CliContext cli, ParseResult parse, CancellationToken ct)
    {
        using var host = cli.OpenHost(parse, access: StoreAccess.ExistingWriter);
        var store = host.Services.GetRequiredService<IIndexedPaperStore>();
        var watch = Stopwatch.StartNew();
        int count;
        if (cli.Console.IsTerminal)
        {
            var total = await store.CountAsync(cancellationToken: ct);
            count = await cli.Console.Ansi.Progress().AutoClear(true)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .StartAsync(async ctx =>
                {
                    var task = ctx.AddTask("re-embedding", maxValue: Math.Max(1, total));
                    return await store.ReembedAsync(new InlineProgress<int>(done => task.Value = done), ct);
                });
        }
        else count = await store.ReembedAsync(cancellationToken: ct);

        var stats = await store.GetStatsAsync(ct);
        cli.Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"re-embedded {count:N0} papers with {stats.EmbeddingModel} ({stats.EmbeddingDimensions} dimensions) in {watch.Elapsed.TotalSeconds:0.0} s"));
        return CliApp.ExitOk;
    }
}
