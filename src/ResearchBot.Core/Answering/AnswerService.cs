using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using Microsoft.Extensions.Logging;
using ResearchBot.Answering.Citations;
using ResearchBot.Answering.Condensing;
using ResearchBot.Answering.Dates;
using ResearchBot.Answering.Model;
using ResearchBot.Answering.Offline;
using ResearchBot.Answering.Sources;
using ResearchBot.Answering.Retrieval;
using ResearchBot.ChatClients;

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
        var standalone = await condenser.CondenseAsync(request.Question, request.History, cancellationToken);
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

        var run = new ModelRun();
        ExceptionDispatchInfo? cutOff = null;
        await using (var pieces = model.StreamAsync(standalone, sources, run, cancellationToken).GetAsyncEnumerator(cancellationToken))
        {
            while (true)
            {
                // A provider failure after some text: the partial answer is completed (and shown), then the failure is raised.
                try { if (!await pieces.MoveNextAsync()) break; }
                catch (ChatProviderException ex) when (run.Text.Length > 0) { cutOff = ExceptionDispatchInfo.Capture(ex); break; }
                yield return new AnswerDelta(pieces.Current);
            }
        }
        yield return new AnswerCompleted(Complete(request, standalone, run.Text.ToString(), sources, run.Usage));
        cutOff?.Throw();
    }

    private string Mode => model is null ? "offline" : "model";

    private Answer Complete(AskRequest request, string standalone, string raw, SourceList sources, AnswerUsage? usage)
    {
        var check = CitationChecker.Check(TrailingSources.Remove(raw), sources.Count, logger);
        return new Answer(request.Question, standalone, check.Text, sources.ToAnswerSources(), check.Cited, Mode, usage, false);
    }
}
