using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using ResearchBot.Answering;
using ResearchBot.Cli.Output;
using ResearchBot.Papers;
using ResearchBot.Storage;

namespace ResearchBot.Cli.Commands;

/// <summary>
/// <c>ask "QUESTION" [--json | --bibtex] [--top N] [--from D] [--to D]</c>: one answer with checked citations, streamed on a
/// terminal and followed by the cited sources; or one JSON object with the answer, its numbered sources and citations;
/// or the BibTeX entries of the cited papers.
/// </summary>
internal static class AskCommand
{
    public static Command Create(CliContext cli)
    {
        var question = new Argument<string>("QUESTION") { Description = "The question, in plain words (dates such as \"this week\" or \"on Apr 28\" filter the papers)" };
        question.Validators.Add(result =>
        {
            var text = result.GetValueOrDefault<string>();
            if (text.StartsWith("--", StringComparison.Ordinal)) result.AddError($"unknown option '{text}'");
            else if (string.IsNullOrWhiteSpace(text)) result.AddError("the question is empty");
        });
        var top = CommonOptions.Positive("--top", 8, "How many papers to answer from at most (capped by Answering:MaxSources)", max: 50);
        var from = CommonOptions.Date("--from", "Only papers dated on or after this day");
        var to = CommonOptions.Date("--to", "Only papers dated on or before this day");
        var json = CommonOptions.Json("Write one JSON object: question, answer, sources, citations, mode, usage");
        var bibtex = new Option<bool>("--bibtex") { Description = "Write the BibTeX entries of the papers the answer cites instead of the answer" };
        var command = new Command("ask", "Answer a question from the papers, citing them as [n]") { question, top, from, to, json, bibtex };
        command.SetAction((parse, ct) => RunAsync(cli, parse, parse.GetValue(question)!, parse.GetValue(top), parse.GetValue(from), parse.GetValue(to), parse.GetValue(json), parse.GetValue(bibtex), ct));
        return command;
    }

    private static async Task<int> RunAsync(CliContext cli, ParseResult parse, string question, int top, DateOnly? from, DateOnly? to, bool json, bool bibtex, CancellationToken ct)
    {
        if (json && bibtex) throw new CliException("--json and --bibtex are two outputs: choose one", CliApp.ExitUsage);
        if (from > to) throw new CliException($"--from {from:yyyy-MM-dd} is after --to {to:yyyy-MM-dd}", CliApp.ExitUsage);
        using var host = cli.OpenHost(parse, answering: true, access: StoreAccess.Reader);
        await cli.PrepareStoreAsync(host.Services, ct);
        var answers = host.Services.GetRequiredService<IAnswerService>();
        var request = new AskRequest(question.Trim(), [], top, from, to);

        if (!json && !bibtex)
        {
            await AnswerPrinter.WriteAsync(cli.Console, answers, request, ct, offlineFooter: true);
            return CliApp.ExitOk;
        }
        Answer? answer = null;
        // Written as soon as it is complete: a partial answer the model was cut off in comes before the provider's error.
        await foreach (var update in answers.StreamAsync(request, ct))
        {
            if (update is not AnswerCompleted done) continue;
            answer = done.Answer;
            if (!bibtex) CliJson.WriteLine(cli.Console.Out, AskJson.From(answer));
        }
        if (answer is null) throw new InvalidOperationException("The answer service ended without an answer.");
        if (bibtex) cli.Console.Out.Write(BibTex.Write(await StoredPapers.CitedAsync(host.Services, answer, ct)));
        return CliApp.ExitOk;
    }
}
