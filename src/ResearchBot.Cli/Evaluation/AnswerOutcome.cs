using ResearchBot.Answering;
using ResearchBot.Papers;

namespace ResearchBot.Cli.Evaluation;

/// <summary>
/// What the answer pipeline did with one question (offline, as <c>ask</c> does): whether it abstained and whether the
/// sources it cites include one of the question's relevant papers.
/// </summary>
internal sealed record AnswerOutcome(bool Abstained, bool CitesRelevant, IReadOnlyList<string> Cited)
{
    /// <summary>Asks <paramref name="answers"/> and compares the cited sources with the relevant titles by <see cref="TitleKey.Of"/>.</summary>
    public static async Task<AnswerOutcome> OfAsync(IAnswerService answers, EvalQuestion question, CancellationToken cancellationToken)
    {
        Answer? answer = null;
        await foreach (var update in answers.StreamAsync(new AskRequest(question.Question, []), cancellationToken))
            if (update is AnswerCompleted done) answer = done.Answer;
        if (answer is null) throw new InvalidOperationException("The answer service ended without an answer.");
        var relevant = question.Relevant.Select(TitleKey.Of).ToHashSet(StringComparer.Ordinal);
        var cited = answer.CitedSources.Select(s => s.Title).ToList();
        return new AnswerOutcome(answer.Abstained, !answer.Abstained && cited.Any(t => relevant.Contains(TitleKey.Of(t))), cited);
    }
}

/// <summary>Answer and abstention rates over a set of questions.</summary>
/// <param name="Answerable">Questions with relevant papers.</param>
/// <param name="CitesRelevant">Share of those whose answer cites a relevant paper (and does not abstain).</param>
/// <param name="AnswerableAbstained">Share of those the answer wrongly abstained on.</param>
/// <param name="Unanswerable">Questions no paper answers.</param>
/// <param name="Abstained">Share of those the answer abstained on.</param>
/// <param name="ByKind">Per kind of unanswerable question ("near-miss", "off-topic"): how many, and the share abstained.</param>
internal sealed record AnswerRates(
    int Answerable,
    double CitesRelevant,
    double AnswerableAbstained,
    int Unanswerable,
    double Abstained,
    IReadOnlyDictionary<string, KindRate> ByKind)
{
    public static AnswerRates Of(IReadOnlyList<(EvalQuestion Question, AnswerOutcome Outcome)> rows)
    {
        var answerable = rows.Where(r => !r.Question.Unanswerable).ToList();
        var unanswerable = rows.Where(r => r.Question.Unanswerable).ToList();
        return new AnswerRates(
            answerable.Count,
            Share(answerable, r => r.Outcome.CitesRelevant),
            Share(answerable, r => r.Outcome.Abstained),
            unanswerable.Count,
            Share(unanswerable, r => r.Outcome.Abstained),
            unanswerable.GroupBy(r => r.Question.Kind ?? "unanswerable", StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => new KindRate(g.Count(), Share([.. g], r => r.Outcome.Abstained)), StringComparer.Ordinal));
    }

    private static double Share<T>(IReadOnlyCollection<T> items, Func<T, bool> predicate) =>
        items.Count == 0 ? 0 : Math.Round((double)items.Count(predicate) / items.Count, 3);
}

/// <summary>How many unanswerable questions of one kind, and the share the answer abstained on.</summary>
internal sealed record KindRate(int Questions, double Abstained);
