using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using ResearchBot.Cli.Output;
using ResearchBot.Digest;
using ResearchBot.Digest.Ranking;
using ResearchBot.Papers;
using ResearchBot.Storage;

namespace ResearchBot.Cli.Commands;

/// <summary>
/// <c>digest [--date D | --from D1 --to D2] [--interests "kv cache, agents"] [--format text|markdown|html|json|bibtex] [--json]</c>:
/// every paper listed that day (default: the latest listing day in the store) or span, grouped into themes with
/// one-line summaries and [n], then the numbered links; or the same as Markdown, a standalone HTML page, one JSON
/// object, or BibTeX entries of its papers.
/// </summary>
internal static class DigestCommand
{
    /// <summary>The output formats of <c>--format</c>.</summary>
    public static readonly string[] Formats = ["text", "markdown", "html", "json", "bibtex"];

    public static Command Create(CliContext cli)
    {
        var date = CommonOptions.Date("--date", "The listing day (default: the latest day in the store)");
        var from = CommonOptions.Date("--from", "First listing day of a span (with --to, default the latest day): themes across the span and what changed");
        var to = CommonOptions.Date("--to", "Last listing day of a span");
        var interests = new Option<string?>("--interests")
        {
            Description = "Comma-separated phrases whose papers rank first and are marked (default: Digest:Interests)",
            HelpName = "PHRASES",
        };
        var format = new Option<string>("--format") { Description = "Output format", DefaultValueFactory = _ => "text", HelpName = string.Join("|", Formats) };
        format.AcceptOnlyFromAmong(Formats);
        var json = CommonOptions.Json("Write one JSON object (same as --format json)");
        var command = new Command("digest", "The digest of a day's (or a span's) papers, grouped into themes") { date, from, to, interests, format, json };
        command.SetAction((parse, ct) =>
        {
            var chosen = parse.GetValue(json) ? "json" : parse.GetValue(format)!;
            return RunAsync(cli, parse, parse.GetValue(date), parse.GetValue(from), parse.GetValue(to), parse.GetValue(interests), chosen, ct);
        });
        return command;
    }

    private static async Task<int> RunAsync(CliContext cli, ParseResult parse, DateOnly? date, DateOnly? from, DateOnly? to, string? interests, string format, CancellationToken ct)
    {
        if (date is not null && (from is not null || to is not null))
            throw new CliException("--date names one day: use either --date or --from/--to", CliApp.ExitUsage);
        if (from > to) throw new CliException($"--from {Day(from!.Value)} is after --to {Day(to!.Value)}", CliApp.ExitUsage);
        using var host = cli.OpenHost(parse, answering: true, access: StoreAccess.Reader);
        await cli.PrepareStoreAsync(host.Services, ct);
        var request = new DigestRequest(date ?? to, from, interests is null ? null : InterestMatcher.Parse(interests));
        var digest = await CreateAsync(host.Services, request, ct);
        await WriteAsync(cli.Console, host.Services, digest, format, ct);
        return CliApp.ExitOk;
    }

    /// <summary>Writes <paramref name="digest"/> in <paramref name="format"/> (one of <see cref="Formats"/>).</summary>
    public static async Task WriteAsync(CliConsole console, IServiceProvider services, DailyDigest digest, string format, CancellationToken ct)
    {
        if (format != "text") foreach (var notice in digest.Notices) console.WriteNote("note: " + notice);
        switch (format)
        {
            case "json": CliJson.WriteLine(console.Out, DigestJson.Of(digest)); break;
            case "markdown": console.Out.Write(DigestMarkdown.Write(digest)); break;
            case "html": console.Out.Write(DigestHtml.Write(digest)); break;
            case "bibtex": console.Out.Write(BibTex.Write(await StoredPapers.GetAsync(services, digest.Sources.OrderBy(s => s.N).Select(s => s.Id), ct))); break;
            default: DigestPrinter.Write(console, digest); break;
        }
    }

    /// <summary>The digest of <paramref name="date"/> (default: the latest day); a day without papers is a <see cref="CliException"/> naming the days there are.</summary>
    public static Task<DailyDigest> CreateAsync(IServiceProvider services, DateOnly? date, CancellationToken ct) =>
        CreateAsync(services, new DigestRequest(date), ct);

    /// <summary>The digest <paramref name="request"/> asks for; a period without papers is a <see cref="CliException"/> naming the days there are.</summary>
    public static async Task<DailyDigest> CreateAsync(IServiceProvider services, DigestRequest request, CancellationToken ct)
    {
        var digest = await services.GetRequiredService<IDigestService>().CreateAsync(request, ct);
        if (digest is not null) return digest;
        var days = await services.GetRequiredService<IPaperStore>().GetListingDaysAsync(ct);
        if (days.Count == 0) throw new CliException("the store has no papers listed on any day: ingest a daily page or `ingest hf` first");
        var known = days.Count <= 6 ? string.Join(", ", days.Select(Day)) : $"{days.Count} days from {Day(days[0])} to {Day(days[^1])}";
        var period = request.From is { } f ? $"from {Day(f)} to {(request.Day is { } t ? Day(t) : "the latest day")}" : $"on {Day(request.Day!.Value)}";
        throw new CliException($"no papers were listed {period} (listing days in the store: {known})");
    }

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
