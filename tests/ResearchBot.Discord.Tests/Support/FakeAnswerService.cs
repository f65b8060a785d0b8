using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using ResearchBot.Answering;
using ResearchBot.TestSupport;

namespace ResearchBot.Discord.Tests.Support;

/// <summary>An answer service that streams a scripted text in pieces and records every request.</summary>
public sealed partial class FakeAnswerService : IAnswerService
{
    public static readonly AnswerSource Source1 = new(1, "2401.00001", "Retrieval [augmented] generation at scale", "https://arxiv.org/abs/2401.00001", new DateOnly(2026, 11, 20));
    public static readonly AnswerSource Source2 = new(2, "2401.00002", "Sparse mixtures", "https://arxiv.org/abs/2401.00002", null);

    public SignalList<AskRequest> Requests { get; } = new();

    /// <summary>The answer text for a request.</summary>
    public Func<AskRequest, string> Text { get; set; } = r => $"About \"{r.Question}\": retrieval helps [1], and sparsity too [2].";

    public IReadOnlyList<AnswerSource> Sources { get; set; } = [Source1, Source2];

    /// <summary>How many deltas the text is streamed in.</summary>
    public int Pieces { get; set; } = 3;

    /// <summary>Runs after each delta has been consumed (e.g. to move a fake clock).</summary>
    public Action<int>? AfterPiece { get; set; }

    /// <summary>When set, answers wait for it before streaming.</summary>
    public TaskCompletionSource? Gate { get; set; }

    /// <summary>When it gives an exception for a request, the answer fails with it: before any text, or after the
    /// completed partial answer when <see cref="FailAfterText"/> is set (as the answer service does when a model is cut off).</summary>
    public Func<AskRequest, Exception?>? Failure { get; set; }

    public bool FailAfterText { get; set; }

    /// <summary>The token usage each answer reports (null: none, as offline answers).</summary>
    public AnswerUsage? Usage { get; set; }

    /// <summary>Whether answers say the papers do not cover the question.</summary>
    public bool Abstain { get; set; }

    public async IAsyncEnumerable<AnswerUpdate> StreamAsync(AskRequest request, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        Requests.Add(request);
        if (Gate is { } gate) await gate.Task.WaitAsync(cancellationToken);
        var failure = Failure?.Invoke(request);
        if (failure is not null && !FailAfterText) throw failure;
        var text = Text(request);
        var size = (int)Math.Ceiling(text.Length / (double)Pieces);
        for (var i = 0; i < Pieces && i * size < text.Length; i++)
        {
            yield return new AnswerDelta(text.Substring(i * size, Math.Min(size, text.Length - i * size)));
            AfterPiece?.Invoke(i);
        }
        var cited = Citation().Matches(text).Select(m => int.Parse(m.Groups[1].Value)).Distinct().Order().ToList();
        yield return new AnswerCompleted(new Answer(request.Question, request.Question, text, Sources, cited, Usage is null ? "offline" : "model", Usage, Abstain));
        if (failure is not null) throw failure;
    }

    [GeneratedRegex(@"\[(\d+)\]")]
    private static partial Regex Citation();
}
