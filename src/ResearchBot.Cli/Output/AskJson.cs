using ResearchBot.Answering;

namespace ResearchBot.Cli.Output;

/// <summary>The <c>ask --json</c> object: <c>{"question","answer","sources":[{"n","id","title","url","published"}],"citations","mode","usage"}</c>.</summary>
/// <param name="Sources">The numbered sources the answer may cite (empty when it abstained).</param>
/// <param name="Usage">Token usage when the provider reports it, else null.</param>
internal sealed record AskJson(string Question, string Answer, IReadOnlyList<AskJsonSource> Sources, IReadOnlyList<int> Citations, string Mode, AskJsonUsage? Usage)
{
    public static AskJson From(Answer answer) => new(
        answer.Question,
        answer.Text,
        [.. answer.Sources.OrderBy(s => s.N).Select(s => new AskJsonSource(s.N, s.Id, s.Title, s.Url, s.Published))],
        answer.Citations,
        answer.Mode,
        answer.Usage is { } u ? new AskJsonUsage(u.InputTokens, u.OutputTokens, u.TotalTokens) : null);
}

/// <summary>One numbered source of <see cref="AskJson"/>.</summary>
internal sealed record AskJsonSource(int N, string Id, string Title, string? Url, DateOnly? Published);

/// <summary>Token counts of <see cref="AskJson"/>.</summary>
internal sealed record AskJsonUsage(long? InputTokens, long? OutputTokens, long? TotalTokens);
