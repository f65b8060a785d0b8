using System.CommandLine;
using System.Globalization;
using System.Text.Json.Serialization;
using Microsoft.Extensions.DependencyInjection;
using ResearchBot.Cli.Evaluation;
using ResearchBot.Cli.Output;
using ResearchBot.Retrieval;
using Spectre.Console;
using ResearchBot.Storage;

namespace ResearchBot.Cli.Commands;

/// <summary><c>eval FILE [--json] [--top N]</c>: recall@5, recall@10, MRR@10 and nDCG@10 of <c>search</c> over a questions file, and its misses.</summary>
internal static class EvalCommand
{
    public static Command Create(CliContext cli)
    {
        var file = new Argument<string>("FILE") { Description = "Questions, one JSON object a line: {\"question\" or \"q\", \"relevant\" or \"gold\": [titles]}" };
        var top = CommonOptions.Positive("--top", 10, "How many results to retrieve per question (metrics are cut at 5 and 10)", max: 100);
        var json = CommonOptions.Json("Write the figures and misses as one JSON object");
        var command = new Command("eval", "Measure retrieval quality on questions with known relevant papers") { file, top, json };
        command.SetAction((parse, ct) => RunAsync(cli, parse, parse.GetRequiredValue(file), parse.GetValue(top), parse.GetValue(json), ct));
        return command;
    }

    private static async Task<int> RunAsync(CliContext cli, ParseResult parse, string file, int top, bool json, CancellationToken ct)
    {
        var questions = EvalQuestion.ReadFile(file);
        using var host = cli.OpenHost(parse, access: StoreAccess.Reader);
        await cli.PrepareStoreAsync(host.Services, ct);
        var search = host.Services.GetRequiredService<IPaperSearch>();

        var rows = new List<(EvalQuestion Question, RankingMetrics Metrics, IReadOnlyList<string> Titles)>(questions.Count);
        foreach (var q in questions)
        {
            var results = await search.SearchAsync(new SearchQuery(q.Question, Math.Max(top, 10)), ct);
            var titles = results.Hits.Take(top).Select(h => h.Paper.Title).ToList();
            rows.Add((q, RankingMetrics.Of(titles, [.. q.Relevant]), titles));
        }

        var summary = new EvalJson(
            rows.Count,
            Mean(rows.Select(r => r.Metrics.RecallAt5)),
            Mean(rows.Select(r => r.Metrics.RecallAt10)),
            Mean(rows.Select(r => r.Metrics.ReciprocalRankAt10)),
            Mean(rows.Select(r => r.Metrics.NdcgAt10)),
            [.. rows.Where(r => r.Metrics.RecallAt5 == 0).Select(r => new EvalMiss(r.Question.Question, r.Question.Relevant, r.Metrics.FirstRelevantRank, [.. r.Titles.Take(3)]))]);

        if (json) CliJson.WriteLine(cli.Console.Out, summary);
        else Write(cli.Console, summary, top);
        return CliApp.ExitOk;
    }

    private static double Mean(IEnumerable<double> values) => Math.Round(values.DefaultIfEmpty(0).Average(), 3);

    private static void Write(CliConsole console, EvalJson s, int top)
    {
        var ansi = console.Ansi;
        var output = console.Out;
        string F(double v) => v.ToString("0.000", CultureInfo.InvariantCulture);
        ansi.Write(new Table().Border(TableBorder.Rounded)
            .AddColumn(new TableColumn("questions").RightAligned())
            .AddColumn(new TableColumn("recall@5").RightAligned())
            .AddColumn(new TableColumn("recall@10").RightAligned())
            .AddColumn(new TableColumn("MRR@10").RightAligned())
            .AddColumn(new TableColumn("nDCG@10").RightAligned())
            .AddRow(s.N.ToString(CultureInfo.InvariantCulture), F(s.RecallAt5), F(s.RecallAt10), F(s.MrrAt10), F(s.NdcgAt10)));
        if (s.Misses.Count == 0)
        {
            output.WriteLine("No misses: every question has a relevant paper in the top 5.");
            return;
        }
        output.WriteLine($"Misses (no relevant paper in the top 5): {s.Misses.Count}");
        foreach (var m in s.Misses)
        {
            var where = m.Rank is { } r ? $"first relevant at rank {r}" : $"no relevant paper in the top {top}";
            output.WriteLine($"- {m.Question} ({where})");
            output.WriteLine($"    wanted: {string.Join(" | ", m.Relevant)}");
            if (m.Top.Count > 0) output.WriteLine($"    got:    {string.Join(" | ", m.Top)}");
        }
    }

    /// <summary>The <c>eval --json</c> object.</summary>
    private sealed record EvalJson(
        int N,
        [property: JsonPropertyName("recall@5")] double RecallAt5,
        [property: JsonPropertyName("recall@10")] double RecallAt10,
        [property: JsonPropertyName("mrr@10")] double MrrAt10,
        [property: JsonPropertyName("ndcg@10")] double NdcgAt10,
        IReadOnlyList<EvalMiss> Misses);

    /// <summary>A question with no relevant paper in the top 5: where the first one was, and what came first instead.</summary>
    private sealed record EvalMiss(string Question, IReadOnlyList<string> Relevant, int? Rank, IReadOnlyList<string> Top);
}
