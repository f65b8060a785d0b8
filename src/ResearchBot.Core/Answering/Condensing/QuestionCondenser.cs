using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using ResearchBot.Answering.Model;
using ResearchBot.Prompts;

namespace ResearchBot.Answering.Condensing;

/// <summary>Step 1: turns a follow-up into a standalone question, with the CondenseQuestion prompt when a model is configured, else with <see cref="FollowUpHeuristic"/>.</summary>
public sealed class QuestionCondenser(IChatClient? chat, ChatPrompt? prompt, ILogger<QuestionCondenser> logger)
{
    /// <summary>The standalone question; the question itself when there is no history.</summary>
    public Task<string> CondenseAsync(string question, IReadOnlyList<ChatTurn> history, CancellationToken cancellationToken) =>
        CondenseAsync(question, history, null, cancellationToken);

    /// <summary>
    /// The standalone question; the question itself when there is no history. The model's token usage is added to
    /// <paramref name="run"/> when given. The model sees the history with citation markers replaced by the titles they
    /// point at, and its reply is read with <see cref="CondensedReply"/>, so a preamble or quotes do not become the question.
    /// </summary>
    public async Task<string> CondenseAsync(string question, IReadOnlyList<ChatTurn> history, ModelRun? run, CancellationToken cancellationToken)
    {
        var userTurns = history.Where(t => t.Role.Equals("user", StringComparison.OrdinalIgnoreCase)).Select(t => t.Text).ToList();
        if (userTurns.Count == 0) return question.Trim();
        if (chat is null || prompt is null) return FollowUpHeuristic.Condense(question, userTurns);

        var (messages, options) = await prompt.RenderAsync(PromptNames.CondenseQuestion,
            new Dictionary<string, object?> { ["history"] = Transcript(history), ["question"] = question }, cancellationToken);
        // Provider failures (ChatProviderException) propagate: the user sees one clear error instead of a second wait.
        var response = await chat.GetResponseAsync(messages, options, cancellationToken);
        if (response.Usage is { } usage) run?.AddUsage(usage.InputTokenCount, usage.OutputTokenCount, usage.TotalTokenCount);
        var line = CondensedReply.Parse(response.Text);
        if (!string.IsNullOrWhiteSpace(line)) return line;
        logger.LogWarning("The model returned an empty condensed question; using the offline heuristic");
        return FollowUpHeuristic.Condense(question, userTurns);
    }

    /// <summary>The last turns as "role: text" lines; an assistant turn's [n] become its sources' titles, and so do a user turn's, from the answer before it.</summary>
    private static string Transcript(IReadOnlyList<ChatTurn> history)
    {
        var lines = new List<string>();
        IReadOnlyList<AnswerSource>? lastSources = null;
        foreach (var turn in history)
        {
            var sources = turn.Sources ?? (turn.Role.Equals("user", StringComparison.OrdinalIgnoreCase) ? lastSources : null);
            lines.Add($"{turn.Role}: {Shorten(CitationTitles.Replace(turn.Text, sources))}");
            if (turn.Sources is not null) lastSources = turn.Sources;
        }
        return string.Join("\n", lines.TakeLast(8));
    }

    private static string Shorten(string text)
    {
        var t = text.ReplaceLineEndings(" ");
        return t.Length > 600 ? t[..600] + "…" : t;
    }
}
