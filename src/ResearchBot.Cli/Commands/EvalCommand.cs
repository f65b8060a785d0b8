using System.CommandLine;
using System.Globalization;
using System.Text.Json.Serialization;
using Microsoft.Extensions.DependencyInjection;
using ResearchBot.Answering;
using ResearchBot.Cli.Evaluation;
using ResearchBot.Cli.Output;
using ResearchBot.Retrieval;
using Spectre.Console;
using ResearchBot.Storage;

namespace ResearchBot.Cli.Commands;

/// <summary>
/// <c>eval FILE... [--json] [--top N]</c>: recall@5, recall@10, MRR@10 and nDCG@10 of <c>search</c> over the answerable
/// questions, and its misses; then, through the offline answer pipeline (as <c>ask</c> answers), the share of answerable
/// questions whose answer cites a relevant paper and the share of unanswerable ones it abstains on.
/// </summary>
internal static class EvalCommand
{
    public static Command Create(CliContext cli)
    {
        var files = new Argument<string[]>("FILE")
        {
            Description = "Questions, one JSON object a line: {\"question\" or \"q\", \"relevant\" or \"gold\": [titles]}, or {\"question\", \"kind\": \"near-miss\" | \"off-topic\"} for one no paper answers",
            Arity = ArgumentArity.OneOrMore,
        };
        var top = CommonOptions.Positive("--top", 10, "How many results to retrieve per question (metrics are cut at 5 and 10)", max: 100);
        var json = CommonOptions.Json("Write the figures and misses as one JSON object");
        var command = new Command("eval", "Measure retrieval quality, answer rate and abstention on questions with known answers") { files, top, json };
        command.SetAction((parse, ct) => RunAsync(cli, parse, parse.GetRequiredValue(files), parse.GetValue(top), parse.GetValue(json), ct));
        return command;
    }

    private static async Task<int> RunAsync(CliContext cli, ParseResult parse, string[] files, int top, bool json, CancellationToken ct)
    {
        var questions = files.SelectMany(EvalQuestion.ReadFile).ToList();
        // Answers are measured as the offline pipeline gives them, whatever model is configured: the same for everyone, no network.
        using var host = cli.OpenHost(parse, new Dictionary<string, string?> { ["Chat:Provider"] = "Offline" }, answering: true, access: StoreAccess.Reader);
        await cli.PrepareStoreAsync(host.Services, ct);
        var search = host.Services.GetRequiredService<IPaperSearch>();
        var answers = host.Services.GetRequiredService<IAnswerService>();

        var rows = new List<(EvalQuestion Question, RankingMetrics Metrics, IReadOnlyList<string> Titles)>(questions.Count);
        var outcomes = new List<(EvalQuestion Question, AnswerOutcome Outcome)>(questions.Count);
        foreach (var q in questions)
        {
            outcomes.Add((q, await AnswerOutcome.OfAsync(answers, q, ct)));
            if (q.Unanswerable) continue;
            var results = await search.SearchAsync(new SearchQuery(q.Question, Math.Max(top, 10)), ct);
            var titles = results.Hits.Take(top).Select(h => h.Paper.Title).ToList();
            rows.Add((q, RankingMetrics.Of(titles, [.. q.Relevant]), titles));
        }

        var rates = AnswerRates.Of(outcomes);
        var summary = new EvalJson(
            rows.Count,
            Mean(rows.Select(r => r.Metrics.RecallAt5)),
            Mean(rows.Select(r => r.Metrics.RecallAt10)),
            Mean(rows.Select(r => r.Metrics.ReciprocalRankAt10)),
            Mean(rows.Select(r => r.Metrics.NdcgAt10)),
            [.. rows.Where(r => r.Metrics.RecallAt5 == 0).Select(r => new EvalMiss(r.Question.Question, r.Question.Relevant, r.Metrics.FirstRelevantRank, [.. r.Titles.Take(3)]))],
            new AnswersJson(
                rates.Answerable, rates.CitesRelevant, rates.AnswerableAbstained, rates.Unanswerable, rates.Abstained,
                rates.ByKind,
                [.. outcomes.Where(o => !o.Question.Unanswerable && !o.Outcome.CitesRelevant)
                    .Select(o => new AnswerMiss(o.Question.Question, o.Outcome.Abstained ? "abstained" : "no relevant paper cited", o.Outcome.Cited))],
                [.. outcomes.Where(o => o.Question.Unanswerable && !o.Outcome.Abstained)
                    .Select(o => new AnswerMiss(o.Question.Question, "answered", o.Outcome.Cited))]));

        if (json) CliJson.WriteLine(cli.Console.Out, summary);
        else Write(cli.Console, summary, top);
        return CliApp.ExitOk;
    }

    private static double Mean(IEnumerable<double> values) => Math.Round(values.DefaultIfEmpty(0).Average(), 3);

    private static string F(double v) => v.ToString("0.000", CultureInfo.InvariantCulture);

    private static string P(double v) => v.ToString("0.0%", CultureInfo.InvariantCulture);

    private static void Write(CliConsole console, EvalJson s, int top)
    {
        var output = console.Out;
        if (s.N > 0) WriteRetrieval(console, s, top);
        var a = s.Answers;
        output.WriteLine();
        output.WriteLine("Answers (offline pipeline, as ask answers):");
        if (a.Answerable > 0)
            output.WriteLine($"- answerable questions: {a.Answerable}; the answer cites a relevant paper for {P(a.CitesRelevant)}, abstains on {P(a.AnswerableAbstained)}");
        if (a.Unanswerable > 0)
        {
            var kinds = string.Join(", ", a.ByKind.Select(k => $"{k.Key} {P(k.Value.Abstained)} of {k.Value.Questions}"));
            output.WriteLine($"- unanswerable questions: {a.Unanswerable}; the answer abstains on {P(a.Abstained)} ({kinds})");
        }
        foreach (var m in a.Misses)
            output.WriteLine($"  missed: {m.Question} ({m.What}{(m.Cited.Count > 0 ? ": " + string.Join(" | ", m.Cited.Take(3)) : "")})");
        foreach (var m in a.FalseAnswers)
            output.WriteLine($"  answered: {m.Question} (cited {string.Join(" | ", m.Cited.Take(3))})");
    }

    private static void WriteRetrieval(CliConsole console, EvalJson s, int top)
    {
        var ansi = console.Ansi;
        var output = console.Out;
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

    /// <summary>The <c>eval --json</c> object: retrieval figures over the answerable questions, then the answer rates.</summary>
    private sealed record EvalJson(
        int N,
        [property: JsonPropertyName("recall@5")] double RecallAt5,
        [property: JsonPropertyName("recall@10")] double RecallAt10,
        [property: JsonPropertyName("mrr@10")] double MrrAt10,
        [property: JsonPropertyName("ndcg@10")] double NdcgAt10,
        IReadOnlyList<EvalMiss> Misses,
        AnswersJson Answers);

    /// <summary>A question with no relevant paper in the top 5: where the first one was, and what came first instead.</summary>
    private sealed record EvalMiss(string Question, IReadOnlyList<string> Relevant, int? Rank, IReadOnlyList<string> Top);

    /// <summary>Answer and abstention rates, the answerable questions not answered from a relevant paper, and the unanswerable ones answered.</summary>
    private sealed record AnswersJson(
        int Answerable,
        double CitesRelevant,
        double AnswerableAbstained,
        int Unanswerable,
        double Abstained,
        IReadOnlyDictionary<string, KindRate> ByKind,
        IReadOnlyList<AnswerMiss> Misses,
        IReadOnlyList<AnswerMiss> FalseAnswers);

    /// <summary>One question the answer got wrong: what happened and what it cited.</summary>
    private sealed record AnswerMiss(string Question, string What, IReadOnlyList<string> Cited);
}
