using System.Runtime.CompilerServices;
using Microsoft.Extensions.DependencyInjection;
using ResearchBot.Answering;
using ResearchBot.ChatClients;
using ResearchBot.Cli.Repl;
using ResearchBot.Storage;
using ResearchBot.TestSupport.Fakes;

namespace ResearchBot.Cli.Tests;

/// <summary>Ctrl+C in the interactive REPL: it stops the answer being written, not the program.</summary>
public sealed class ReplCtrlCTests
{
    [Fact]
    public async Task Ctrl_C_stops_the_answer_being_written_and_the_session_goes_on_without_remembering_it()
    {
        var answers = new EndlessAnswers();
        var input = new GatedReader(["Which papers study KV cache compression?", "/sources", "/quit"], answers.Started);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var console = new CliConsole(input, output, error, isTerminal: true);
        var session = new ReplSession(console, Services(answers), interactive: true);

        var run = session.RunAsync(CancellationToken.None);
        await answers.Started;
        var keepRunning = session.OnCtrlC();
        var code = await run;

        Assert.True(keepRunning);
        Assert.True(answers.Cancelled);
        Assert.Equal(0, code);
        Assert.Contains("MiniCache shares the cache across layers", output.ToString());
        Assert.Contains("(answer stopped)", output.ToString());
        Assert.Contains("No answer yet: ask a question first.", output.ToString());
    }

    [Fact]
    public void At_the_prompt_the_first_Ctrl_C_says_how_to_leave_and_the_second_leaves()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var console = new CliConsole(new StringReader(""), output, error, isTerminal: true);
        var session = new ReplSession(console, Services(new EndlessAnswers()), interactive: true);

        Assert.True(session.OnCtrlC());
        Assert.Contains("press Ctrl+C again, type /quit or press Ctrl+D to leave", error.ToString());
        Assert.False(session.OnCtrlC());
    }

    private static ServiceProvider Services(IAnswerService answers) => new ServiceCollection()
        .AddSingleton(answers)
        .AddSingleton<IPaperStore>(new FakePaperStore([]))
        .AddSingleton(new ChatSettings())
        .BuildServiceProvider();

    /// <summary>Streams one piece, then waits until cancelled.</summary>
    private sealed class EndlessAnswers : IAnswerService
    {
        private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Started => _started.Task;

        public bool Cancelled { get; private set; }

        public async IAsyncEnumerable<AnswerUpdate> StreamAsync(AskRequest request, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            yield return new AnswerDelta("MiniCache shares the cache across layers [1");
            _started.TrySetResult();
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            finally
            {
                Cancelled = cancellationToken.IsCancellationRequested;
            }
        }
    }

    /// <summary>Gives its first line at once and the others once <paramref name="gate"/> has completed.</summary>
    private sealed class GatedReader(IReadOnlyList<string> lines, Task gate) : TextReader
    {
        private int _next;

        public override async ValueTask<string?> ReadLineAsync(CancellationToken cancellationToken)
        {
            if (_next > 0) await gate.WaitAsync(cancellationToken);
            return _next < lines.Count ? lines[_next++] : null;
        }
    }
}
