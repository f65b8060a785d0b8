using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using Microsoft.Extensions.Logging;
using ResearchBot.Answering.Citations;
using ResearchBot.Answering.Condensing;
using ResearchBot.Answering.Dates;
using ResearchBot.Answering.Model;
using ResearchBot.Answering.Offline;
using ResearchBot.Answering.References;
using ResearchBot.Answering.Sources;
using ResearchBot.Answering.Retrieval;
using ResearchBot.ChatClients;

namespace ResearchBot.Answering;

/// <summary>
/// The answer pipeline: resolve references to the last shown list ("[2]", "compare [1] and [3]"), condense the
/// follow-up, understand dates, retrieve, abstain when nothing is relevant, answer from numbered sources (model,
/// streamed; or offline), check the citations and number the cited sources 1..k in the order first cited.
/// </summary>
public sealed class AnswerService(
    QuestionCondenser condenser,
    DateFilterParser dates,
    SourceRetriever retriever,
    OfflineAnswerer offline,
    ModelAnswerer? model,
    AnsweringOptions options,
    ILogger<AnswerService> logger,
    ReferenceResolver? references = null) : IAnswerService
{
    public async IAsyncEnumerable<AnswerUpdate> StreamAsync(AskRequest request, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (references is not null)
        {
            var resolved = await references.ResolveAsync(request.Question, request.Shown, cancellationToken);
            if (resolved.Missing is not null || resolved.Found)
            {
                await foreach (var update in AnswerReferencedAsync(request, resolved, cancellationToken)) yield return update;
                yield break;
            }
        }
        // One usage counter for the condenser and the answer, so the answer reports both calls.
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
            var offlineAnswer = Complete(request, standalone, offline.Answer(text, sources.Items), sources, null);
            yield return new AnswerDelta(offlineAnswer.Text);
            yield return new AnswerCompleted(offlineAnswer);
            yield break;
        }

        await foreach (var update in StreamModelAsync(request, standalone, standalone, sources, run, cancellationToken)) yield return update;
    }

    /// <summary>A question about listed papers: answered from exactly those (a model may search further), or the plain "There is no [7]".</summary>
    private async IAsyncEnumerable<AnswerUpdate> AnswerReferencedAsync(AskRequest request, ResolvedReferences resolved, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        logger.LogDebug("References resolved: {Papers}", string.Join(", ", resolved.Sources.Select(s => $"[{s.N}] {s.Paper.Id}")));
        if (resolved.Missing is { } missing)
        {
            yield return new AnswerDelta(missing);
            yield return new AnswerCompleted(new Answer(request.Question, request.Question, missing, [], [], Mode, null, true));
            yield break;
        }
        // The papers keep their list numbers ([1] and [3] stay [1] and [3]), so the list stays valid for the next follow-up.
        var sources = new SourceList(resolved.Sources);
        var about = resolved.Sources.Select(s => s.N).ToList();
        if (model is null)
        {
            var raw = resolved.Compare ? SideBySide.Write(resolved.Aspect, resolved.Sources)
                : resolved.Aspect.Length > 0 ? SideBySide.OnAspect(resolved.Aspect, resolved.Sources)
                : PaperSummary.Write(resolved.Sources);
            var offlineAnswer = Complete(request, resolved.Standalone, raw, sources, null, keepNumbers: true, about);
            yield return new AnswerDelta(offlineAnswer.Text);
            yield return new AnswerCompleted(offlineAnswer);
            yield break;
        }
        var prompt = resolved.Compare ? resolved.Standalone + " (Compare them side by side on the same aspects.)" : resolved.Standalone;
        await foreach (var update in StreamModelAsync(request, resolved.Standalone, prompt, sources, new ModelRun(), cancellationToken, keepNumbers: true, about)) yield return update;
    }

    /// <summary>
    /// The model's answer, streamed as the checked answer will read: only valid citations, never the model's own trailing
    /// sources list, and numbered as the checked answer (unless the sources keep their list numbers).
    /// </summary>
    private async IAsyncEnumerable<AnswerUpdate> StreamModelAsync(AskRequest request, string standalone, string question, SourceList sources,
        ModelRun run, [EnumeratorCancellation] CancellationToken cancellationToken, bool keepNumbers = false, IReadOnlyList<int>? about = null)
    {
        var citations = new StreamingCitationFilter(() => sources.Numbers.ToHashSet());
        var order = keepNumbers ? null : new StreamingCitationOrder();
        ExceptionDispatchInfo? cutOff = null;
        await using (var pieces = model!.StreamAsync(question, sources, run, cancellationToken).GetAsyncEnumerator(cancellationToken))
        {
            while (true)
            {
                // A provider failure after some text: the partial answer is completed (and shown), then the failure is raised.
                try { if (!await pieces.MoveNextAsync()) break; }
                catch (ChatProviderException ex) when (run.Text.Length > 0) { cutOff = ExceptionDispatchInfo.Capture(ex); break; }
                var shown = citations.Push(pieces.Current);
                if (order is not null) shown = order.Push(shown, sources.Count);
                if (shown.Length > 0) yield return new AnswerDelta(shown);
            }
        }
        var rest = citations.Flush();
        if (order is not null) rest = order.Push(rest, sources.Count) + order.Flush(sources.Count);
        if (rest.Length > 0) yield return new AnswerDelta(rest);
        yield return new AnswerCompleted(Complete(request, standalone, run.Text.ToString(), sources, run.Usage, keepNumbers, about));
        cutOff?.Throw();
    }

    private string Mode => model is null ? "offline" : "model";

    private Answer Complete(AskRequest request, string standalone, string raw, SourceList sources, AnswerUsage? usage, bool keepNumbers = false,
        IReadOnlyList<int>? about = null)
    {
        var check = CitationChecker.Check(TrailingSources.Remove(raw), sources.Numbers.ToHashSet(), logger);
        var (text, numbered, cited) = keepNumbers ? (check.Text, sources.ToAnswerSources(), check.Cited) : CitationOrder.Apply(check.Text, sources.ToAnswerSources());
        return new Answer(request.Question, standalone, text, numbered, cited, Mode, usage, false, about);
    }
}
