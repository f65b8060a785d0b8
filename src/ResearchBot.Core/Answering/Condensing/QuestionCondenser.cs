using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using ResearchBot.Prompts;

namespace ResearchBot.Answering.Condensing;

/// <summary>Step 1: turns a follow-up into a standalone question, with the CondenseQuestion prompt when a model is configured, else with <see cref="FollowUpHeuristic"/>.</summary>
public sealed class QuestionCondenser(IChatClient? chat, ChatPrompt? prompt, ILogger<QuestionCondenser> logger)
{
    /// <summary>The standalone question; the question itself when there is no history.</summary>
    public async Task<string> CondenseAsync(string question, IReadOnlyList<ChatTurn> history, CancellationToken cancellationToken)
    {
        var userTurns = history.Where(t => t.Role.Equals("user", StringComparison.OrdinalIgnoreCase)).Select(t => t.Text).ToList();
        if (userTurns.Count == 0) return question.Trim();
        if (chat is null || prompt is null) return FollowUpHeuristic.Condense(question, userTurns);

        var transcript = string.Join("\n", history.TakeLast(8).Select(t => $"{t.Role}: {Shorten(t.Text)}"));
        var (messages, options) = await prompt.RenderAsync(PromptNames.CondenseQuestion,
            new Dictionary<string, object?> { ["history"] = transcript, ["question"] = question }, cancellationToken);
        // Provider failures (ChatProviderException) propagate: the user sees one clear error instead of a second wait.
        var response = await chat.GetResponseAsync(messages, options, cancellationToken);
        var line = response.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault()?.Trim('"', ' ');
        if (!string.IsNullOrWhiteSpace(line)) return line;
        logger.LogWarning("The model returned an empty condensed question; using the offline heuristic");
        return FollowUpHeuristic.Condense(question, userTurns);
    }

    private static string Shorten(string text)
    {
        var t = text.ReplaceLineEndings(" ");
        return t.Length > 600 ? t[..600] + "…" : t;
    }
}
