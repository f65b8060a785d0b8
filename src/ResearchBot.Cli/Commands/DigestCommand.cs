using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using ResearchBot.Cli.Output;
using ResearchBot.Digest;
using ResearchBot.Storage;

namespace ResearchBot.Cli.Commands;

/// <summary>
/// <c>digest [--date D] [--json]</c>: every paper listed that day (default: the latest listing day in the store),
/// grouped into themes with one-line summaries and [n], then the numbered sources; or one JSON object.
/// </summary>
internal static class DigestCommand
{
    public static Command Create(CliContext cli)
    {
        var date = CommonOptions.Date("--date", "The listing day (default: the latest day in the store)");
        var json = CommonOptions.Json("Write one JSON object: date, text, sources, themes");
        var command = new Command("digest", "The digest of a day's papers, grouped into themes") { date, json };
        command.SetAction((parse, ct) => RunAsync(cli, parse, parse.GetValue(date), parse.GetValue(json), ct));
        return command;
    }

    private static async Task<int> RunAsync(CliContext cli, ParseResult parse, DateOnly? date, bool json, CancellationToken ct)
    {
        using var host = cli.OpenHost(parse, answering: true, access: StoreAccess.Reader);
        await cli.PrepareStoreAsync(host.Services, ct);
        var digest = await CreateAsync(host.Services, date, ct);
        if (json) CliJson.WriteLine(cli.Console.Out, DigestJson.From(digest));
        else DigestPrinter.Write(cli.Console, digest);
        return CliApp.ExitOk;
    }

    /// <summary>The digest of <paramref name="date"/> (default: the latest day); a day without papers is a <see cref="CliException"/> naming the days there are.</summary>
    public static async Task<DailyDigest> CreateAsync(IServiceProvider services, DateOnly? date, CancellationToken ct)
    {
        var digest = await services.GetRequiredService<IDigestService>().CreateAsync(date, ct);
        if (digest is not null) return digest;
        var days = await services.GetRequiredService<IPaperStore>().GetListingDaysAsync(ct);
        if (days.Count == 0) throw new CliException("the store has no papers listed on any day: ingest a daily page or `ingest hf` first");
        var known = days.Count <= 6 ? string.Join(", ", days.Select(Day)) : $"{days.Count} days from {Day(days[0])} to {Day(days[^1])}";
        throw new CliException($"no papers were listed on {Day(date!.Value)} (listing days in the store: {known})");
    }

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
