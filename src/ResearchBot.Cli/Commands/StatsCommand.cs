using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using ResearchBot.Cli.Output;
using ResearchBot.Storage;
using Spectre.Console;

namespace ResearchBot.Cli.Commands;

/// <summary><c>stats [--json]</c>: papers, listings, listing days and the embedding model of the store.</summary>
internal static class StatsCommand
{
    public static Command Create(CliContext cli)
    {
        var json = CommonOptions.Json();
        var command = new Command("stats", "What the store holds") { json };
        command.SetAction((parse, ct) => RunAsync(cli, parse, parse.GetValue(json), ct));
        return command;
    }

    private static async Task<int> RunAsync(CliContext cli, ParseResult parse, bool json, CancellationToken ct)
    {
        using var host = cli.OpenHost(parse, access: StoreAccess.Reader);
        await cli.PrepareStoreAsync(host.Services, ct);
        var stats = await host.Services.GetRequiredService<IPaperStore>().GetStatsAsync(ct);
        if (json)
        {
            CliJson.WriteLine(cli.Console.Out, new StatsJson(stats.Papers, stats.Listings, stats.Days,
                new EmbeddingJson(stats.EmbeddingModel, stats.EmbeddingDimensions)));
            return CliApp.ExitOk;
        }
        var days = stats.Days.Count == 0 ? "none"
            : stats.Days.Count <= 8 ? string.Join(", ", stats.Days.Select(Day))
            : $"{stats.Days.Count} days, {Day(stats.Days[0])} to {Day(stats.Days[^1])}";
        var grid = new Grid().AddColumn().AddColumn()
            .AddRow("store", Markup.Escape(host.Services.GetRequiredService<IIndexedPaperStore>().Description))
            .AddRow("papers", stats.Papers.ToString("N0", CultureInfo.InvariantCulture))
            .AddRow("listings", stats.Listings.ToString("N0", CultureInfo.InvariantCulture))
            .AddRow("days", Markup.Escape(days))
            .AddRow("embedding", Markup.Escape(stats.EmbeddingModel is null ? "none yet" : $"{stats.EmbeddingModel} ({stats.EmbeddingDimensions} dimensions)"));
        cli.Console.Ansi.Write(grid);
        return CliApp.ExitOk;
    }

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The <c>stats --json</c> object.</summary>
    private sealed record StatsJson(int Papers, int Listings, IReadOnlyList<DateOnly> Days, EmbeddingJson Embedding);

    private sealed record EmbeddingJson(string? Model, int? Dimensions);
}
