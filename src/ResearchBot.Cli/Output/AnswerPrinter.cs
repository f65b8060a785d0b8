using ResearchBot.Answering;
using ResearchBot.Answering.Citations;
using ResearchBot.Answering.Offline;
using Spectre.Console;

namespace ResearchBot.Cli.Output;

/// <summary>
/// Shows an answer: on a terminal it streams the text with the [n] citations highlighted; otherwise it prints the
/// checked text plainly once it is complete. Then the standalone question (when a follow-up was rewritten) and the
/// cited sources.
/// </summary>
internal static class AnswerPrinter
{
    /// <summary>Streams the answer to <paramref name="request"/> to the console and returns it.</summary>
    /// <param name="offlineFooter">After an offline answer, say in one line that no language model is configured (for <c>ask</c>).</param>
    public static async Task<Answer> WriteAsync(CliConsole console, IAnswerService answers, AskRequest request, CancellationToken cancellationToken, bool offlineFooter = false)
    {
        Answer? answer = null;
        if (!console.IsTerminal)
        {
            await foreach (var update in answers.StreamAsync(request, cancellationToken))
                if (update is AnswerCompleted done) answer = done.Answer;
            if (answer is null) throw new InvalidOperationException("The answer service ended without an answer.");
            console.Out.WriteLine(answer.Text);
            if (Rewritten(answer) is { } standalone) console.Out.WriteLine($"(answered as: {standalone})");
            if (answer.Citations.Count > 0) console.Out.WriteLine();
            SourceLines.Write(console, "Sources:", answer.CitedSources);
            if (offlineFooter && IsOffline(answer)) console.Out.WriteLine("\n" + OfflineAnswerer.Notice);
            await console.Out.FlushAsync(cancellationToken);
            return answer;
        }

        var ansi = console.Ansi;
        var markup = new CitationMarkup();
        var streamed = new System.Text.StringBuilder();
        await foreach (var update in answers.StreamAsync(request, cancellationToken))
        {
            switch (update)
            {
                case AnswerDelta delta:
                    var piece = delta.Text;
                    streamed.Append(piece);
                    ansi.Markup(markup.Push(piece));
                    break;
                case AnswerCompleted done:
                    answer = done.Answer;
                    break;
            }
        }
        ansi.Markup(markup.Flush());
        ansi.WriteLine();
        if (answer is null) throw new InvalidOperationException("The answer service ended without an answer.");

        var removed = CitationChecker.Check(streamed.ToString(), answer.Sources.Count).Removed;
        if (removed.Count > 0)
            ansi.MarkupLine($"[dim](removed citations {string.Join(", ", removed.Select(n => $"[[{n}]]"))}: not among the sources)[/]");
        if (Rewritten(answer) is { } question)
            ansi.MarkupLine($"[dim](answered as: {Markup.Escape(question)})[/]");
        if (answer.Citations.Count > 0) ansi.WriteLine();
        SourceLines.Write(console, "Sources", answer.CitedSources);
        if (answer.Usage is { TotalTokens: { } total }) ansi.MarkupLine($"[dim]{total} tokens[/]");
        if (offlineFooter && IsOffline(answer)) ansi.MarkupLine($"\n[dim]{Markup.Escape(OfflineAnswerer.Notice)}[/]");
        return answer;
    }

    private static bool IsOffline(Answer answer) => answer.Mode == "offline" && !answer.Abstained;

    /// <summary>The standalone question when the condenser rewrote the question, else null.</summary>
    private static string? Rewritten(Answer answer) =>
        string.Equals(answer.StandaloneQuestion.Trim(), answer.Question.Trim(), StringComparison.OrdinalIgnoreCase) ? null : answer.StandaloneQuestion;
}
