namespace ResearchBot.Answering;

/// <summary>Answers a question from the papers, with checked numbered citations.</summary>
public interface IAnswerService
{
    /// <summary>Streams the answer: <see cref="AnswerDelta"/> pieces as they arrive, then one <see cref="AnswerCompleted"/>
    /// carrying the checked answer (citations that are not listed sources removed). When the language model fails after
    /// some text, that partial answer is completed and the <see cref="ResearchBot.ChatClients.ChatProviderException"/> is
    /// thrown after it, so a host shows what arrived and then the one-line error.</summary>
    IAsyncEnumerable<AnswerUpdate> StreamAsync(AskRequest request, CancellationToken cancellationToken = default);
}

/// <summary>A question and the conversation so far (oldest first).</summary>
/// <param name="Shown">The last numbered list the person saw (an answer's sources or a search's results), so "[2]" and "the second one" resolve against it; null when none.</param>
public sealed record AskRequest(string Question, IReadOnlyList<ChatTurn> History, int Top = 8, DateOnly? From = null, DateOnly? To = null,
    References.ShownList? Shown = null);

/// <summary>One turn of a conversation.</summary>
/// <param name="Role"><c>user</c> or <c>assistant</c>.</param>
/// <param name="Sources">For an answer, the numbered sources its [n] point at (the condenser shows their titles instead of the numbers).</param>
public sealed record ChatTurn(string Role, string Text, IReadOnlyList<AnswerSource>? Sources = null);

/// <summary>A piece of a streamed answer.</summary>
public abstract record AnswerUpdate;

/// <summary>Text as it arrives; a model's citations are already checked (only listed sources) and its own trailing sources list is left out.</summary>
public sealed record AnswerDelta(string Text) : AnswerUpdate;

/// <summary>The final, checked answer.</summary>
public sealed record AnswerCompleted(Answer Answer) : AnswerUpdate;

/// <summary>A finished answer.</summary>
/// <param name="StandaloneQuestion">The question after follow-up condensation.</param>
/// <param name="Text">The answer text with only valid [n] citations, followed by nothing else (sources are separate).</param>
/// <param name="Sources">The numbered sources the answer could cite.</param>
/// <param name="Citations">The source numbers the answer cites, ascending.</param>
/// <param name="Mode"><c>offline</c> or <c>model</c>.</param>
/// <param name="Abstained">True when nothing relevant was found and the answer says so.</param>
/// <param name="About">For an answer about specific listed papers ("compare [1] and [3]"), their list numbers, so "their"/"it" in the next follow-up mean them; else null.</param>
public sealed record Answer(
    string Question,
    string StandaloneQuestion,
    string Text,
    IReadOnlyList<AnswerSource> Sources,
    IReadOnlyList<int> Citations,
    string Mode,
    AnswerUsage? Usage,
    bool Abstained,
    IReadOnlyList<int>? About = null)
{
    /// <summary>The sources actually cited.</summary>
    public IEnumerable<AnswerSource> CitedSources => Sources.Where(s => Citations.Contains(s.N));
}

/// <summary>A numbered source.</summary>
public sealed record AnswerSource(int N, string Id, string Title, string? Url, DateOnly? Published);

/// <summary>Token usage when the provider reports it.</summary>
public sealed record AnswerUsage(long? InputTokens, long? OutputTokens, long? TotalTokens);
