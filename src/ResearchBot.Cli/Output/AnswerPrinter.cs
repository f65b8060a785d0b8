using ResearchBot.Answering;
using ResearchBot.Answering.Offline;
using Spectre.Console;

namespace ResearchBot.Cli.Output;

/// <summary>
/// Shows an answer: on a terminal it streams the text with the [n] citations highlighted (the answer service already
/// held back and dropped citations that are not sources, and the model's own sources list); otherwise it prints the
/// checked text plainly once it is complete. Then the standalone question (when a follow-up was rewritten) and the
/// cited sources.
/// </summary>
internal static class AnswerPrinter
{
    /// <summary>Streams the answer to <paramref name="request"/> to the console and returns it.</summary>
    /// <remarks>The answer is printed as soon as it is complete, so a partial answer the model was cut off in is shown
    /// before the provider's error (thrown after it by the answer service) ends the call.</remarks>
    /// <param name="offlineFooter">After an offline answer, say in one line that no language model is configured (for <c>ask</c>).</param>
    public static async Task<Answer> WriteAsync(CliConsole console, IAnswerService answers, AskRequest request, CancellationToken cancellationToken, bool offlineFooter = false)
    {
        Answer? answer = null;
        if (!console.IsTerminal)
        {
            await foreach (var update in answers.StreamAsync(request, cancellationToken))
            {
                if (update is not AnswerCompleted done) continue;
                answer = done.Answer;
                await WritePlainAsync(console, answer, offlineFooter, cancellationToken);
            }
            return answer ?? throw new InvalidOperationException("The answer service ended without an answer.");
        }

        var ansi = console.Ansi;
        var markup = new CitationMarkup();
        await foreach (var update in answers.StreamAsync(request, cancellationToken))
        {
            switch (update)
            {
                case AnswerDelta delta:
                    var piece = delta.Text;
                    ansi.Markup(markup.Push(piece));
                    break;
                case AnswerCompleted done:
                    answer = done.Answer;
                    WriteTerminalTail(console, markup, answer, offlineFooter);
                    break;
            }
        }
        return answer ?? throw new InvalidOperationException("The answer service ended without an answer.");
    }

    private static async Task WritePlainAsync(CliConsole console, Answer answer, bool offlineFooter, CancellationToken cancellationToken)
    {
        console.Out.WriteLine(answer.Text);
        if (Rewritten(answer) is { } standalone) console.Out.WriteLine($"(answered as: {standalone})");
        if (answer.Citations.Count > 0) console.Out.WriteLine();
        SourceLines.Write(console, "Sources:", answer.CitedSources);
        if (offlineFooter && IsOffline(answer)) console.Out.WriteLine("\n" + OfflineAnswerer.Notice);
        await console.Out.FlushAsync(cancellationToken);
    }

    private static void WriteTerminalTail(CliConsole console, CitationMarkup markup, Answer answer, bool offlineFooter)
    {
        var ansi = console.Ansi;
        ansi.Markup(markup.Flush());
        ansi.WriteLine();
        if (Rewritten(answer) is { } question)
            ansi.MarkupLine($"[dim](answered as: {Markup.Escape(question)})[/]");
        if (answer.Citations.Count > 0) ansi.WriteLine();
        SourceLines.Write(console, "Sources", answer.CitedSources);
        if (answer.Usage is { TotalTokens: { } total }) ansi.MarkupLine($"[dim]{total} tokens[/]");
        if (offlineFooter && IsOffline(answer)) ansi.MarkupLine($"\n[dim]{Markup.Escape(OfflineAnswerer.Notice)}[/]");
    }

    private static bool IsOffline(Answer answer) => answer.Mode == "offline" && !answer.Abstained;

    /// <summary>The standalone question when the condenser rewrote the question, else null.</summary>
    private static string? Rewritten(Answer answer) =>
        string.Equals(answer.StandaloneQuestion.Trim(), answer.Question.Trim(), StringComparison.OrdinalIgnoreCase) ? null : answer.StandaloneQuestion;
}
