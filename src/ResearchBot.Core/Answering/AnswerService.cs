using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using ResearchBot.Answering.Citations;
using ResearchBot.Answering.Condensing;
using ResearchBot.Answering.Dates;
using ResearchBot.Answering.Model;
using ResearchBot.Answering.Offline;
using ResearchBot.Answering.Sources;
using ResearchBot.Answering.Retrieval;

namespace ResearchBot.Answering;

/// <summary>
/// The answer pipeline: condense the follow-up, understand dates, retrieve, abstain when nothing is relevant,
/// answer from numbered sources (model, streamed; or offline), check the citations.
/// </summary>
public sealed class AnswerService(
    QuestionCondenser condenser,
    DateFilterParser dates,
    SourceRetriever retriever,
    OfflineAnswerer offline,
    ModelAnswerer? model,
    AnsweringOptions options,
    ILogger<AnswerService> logger) : IAnswerService
{
    public async IAsyncEnumerable<AnswerUpdate> StreamAsync(AskRequest request, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var run = new ModelRun();
        var standalone = await condenser.CondenseAsync(request.Question, request.History, run, cancellationToken);
        var filter = dates.Parse(standalone);
        var from = request.From ?? filter.From;
        var to = request.To ?? filter.To;
        var text = filter.Text;
        var top = Math.Clamp(request.Top, 1, Math.Max(1, options.MaxSources));
        logger.LogDebug("Standalone question {Question}, range {From}..{To}", text, from, to);

        var retrieved = await retriever.RetrieveAsync(text, top, from, to, cancellationToken);
        if (retrieved.Abstention is { } message)
        {
            yield return new AnswerDelta(message);
            yield return new AnswerCompleted(new Answer(request.Question, standalone, message, [], [], Mode, null, true));
            yield break;
        }

        var sources = new SourceList(retrieved.Papers);
        if (model is null)
        {
            var answer = offline.Answer(text, sources.Items);
            yield return new AnswerDelta(answer);
            yield return new AnswerCompleted(Complete(request, standalone, answer, sources, null));
            yield break;
        }

        // Deltas show only valid citations and never the model's own trailing sources list, as the checked answer.
        var citations = new StreamingCitationFilter(() => sources.Count);
        await foreach (var piece in model.StreamAsync(standalone, sources, run, cancellationToken))
        {
            if (citations.Push(piece) is { Length: > 0 } shown) yield return new AnswerDelta(shown);
        }
        if (citations.Flush() is { Length: > 0 } rest) yield return new AnswerDelta(rest);
        yield return new AnswerCompleted(Complete(request, standalone, run.Text.ToString(), sources, run.Usage));
    }

    private string Mode => model is null ? "offline" : "model";

    private Answer Complete(AskRequest request, string standalone, string raw, SourceList sources, AnswerUsage? usage)
    {
        var check = CitationChecker.Check(TrailingSources.Remove(raw), sources.Count, logger);
        return new Answer(request.Question, standalone, check.Text, sources.ToAnswerSources(), check.Cited, Mode, usage, false);
    }
}
