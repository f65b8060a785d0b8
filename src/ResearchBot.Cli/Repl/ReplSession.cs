using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using ResearchBot.Answering;
using ResearchBot.Answering.References;
using ResearchBot.Answering.Dates;
using ResearchBot.ChatClients;
using ResearchBot.Cli.Commands;
using ResearchBot.Cli.Output;
using ResearchBot.Papers;
using ResearchBot.Retrieval;
using ResearchBot.Storage;
using Spectre.Console;

namespace ResearchBot.Cli.Repl;

/// <summary>
/// The conversation loop: each line is a question (answered with the conversation so far, for follow-ups) or a
/// slash command. Interactive on a terminal (prompt, colours, streaming, Ctrl+C stops the current answer); otherwise
/// it reads line by line and prints plainly, so it can be scripted.
/// </summary>
internal sealed class ReplSession(CliConsole console, IServiceProvider services, bool interactive)
{
    /// <summary>The prompt on a terminal.</summary>
    private const string Prompt = "[bold green]>[/]";

    /// <summary>How many turns of the conversation are kept (the condenser reads the latest ones).</summary>
    private const int MaxTurns = 40;

    private readonly IAnswerService _answers = services.GetRequiredService<IAnswerService>();
    private readonly List<ChatTurn> _history = [];
    private Answer? _last;
    private ShownList? _shown;
    private CancellationTokenSource? _current;
    private volatile bool _exitArmed;
    private bool _offlineNoticeShown;
    private readonly ReplLineReader _lines = ReplLineReader.Create(console, Prompt, interactive);

    /// <summary>Runs until <c>/quit</c> or the end of input.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var ctrlC = interactive && console.IsSystemConsole;
        if (ctrlC) Console.CancelKeyPress += OnCancelKeyPress;
        try
        {
            if (interactive) await WriteBannerAsync(cancellationToken);
            while (true)
            {
                var line = await _lines.ReadLineAsync(cancellationToken);
                if (line is null)
                {
                    if (interactive) console.Ansi.WriteLine();
                    break;
                }
                _exitArmed = false;
                line = line.Trim();
                if (line.Length == 0) continue;
                if (line.StartsWith('/'))
                {
                    if (!await RunCommandAsync(line, cancellationToken)) break;
                }
                else await AskAsync(line, cancellationToken);
                console.Out.WriteLine();
            }
            return CliApp.ExitOk;
        }
        finally
        {
            if (ctrlC) Console.CancelKeyPress -= OnCancelKeyPress;
        }
    }

    /// <summary>Answers <paramref name="question"/> with the conversation so far, then remembers both.</summary>
    private async Task AskAsync(string question, CancellationToken cancellationToken)
    {
        using var answerCts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Volatile.Write(ref _current, answerCts);
        try
        {
            ShowOfflineNoticeOnce();
            var answer = await AnswerPrinter.WriteAsync(console, _answers, new AskRequest(question, [.. _history], Shown: _shown), answerCts.Token);
            // The question as answered ("tell me more about [2]" names the paper), so later follow-ups build on it;
            // the answer keeps its sources so the condenser can read its [n] as titles.
            _history.Add(new ChatTurn("user", answer.StandaloneQuestion));
            _history.Add(new ChatTurn("assistant", answer.Text, answer.Sources));
            if (_history.Count > MaxTurns) _history.RemoveRange(0, _history.Count - MaxTurns);
            _last = answer;
            _shown = ShownList.After(_shown, answer);
        }
        catch (OperationCanceledException) when (answerCts.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            console.Ansi.WriteLine();
            console.Ansi.MarkupLine("[dim](answer stopped)[/]");
        }
        catch (ChatProviderException ex)
        {
            console.WriteError(ex.Message);
        }
        finally
        {
            Volatile.Write(ref _current, null);
        }
    }

    /// <summary>Runs a slash command; false for <c>/quit</c>.</summary>
    private async Task<bool> RunCommandAsync(string line, CancellationToken cancellationToken)
    {
        var space = line.IndexOfAny([' ', '\t']);
        var name = (space < 0 ? line : line[..space]).ToLowerInvariant();
        var argument = space < 0 ? "" : line[(space + 1)..].Trim();
        try
        {
            switch (name)
            {
                case "/quit" or "/exit" or "/q":
                    return false;
                case "/help" or "/?":
                    WriteHelp();
                    break;
                case "/new":
                    _history.Clear();
                    _last = null;
                    _shown = null;
                    Say("Started a new conversation: follow-ups no longer refer to earlier questions.");
                    break;
                case "/sources":
                    WriteSources();
                    break;
                case "/search":
                    await SearchAsync(argument, cancellationToken);
                    break;
                case "/paper":
                    await PaperAsync(argument, cancellationToken);
                    break;
                case "/digest":
                    await DigestAsync(argument, cancellationToken);
                    break;
                case "/bib":
                    await BibAsync(cancellationToken);
                    break;
                default:
                    console.WriteError($"unknown command {name}: /help lists the commands");
                    break;
            }
        }
        catch (CliException ex)
        {
            console.WriteError(ex.Message);
        }
        catch (ChatProviderException ex)
        {
            console.WriteError(ex.Message);
        }
        return true;
    }

    private void WriteHelp()
    {
        (string Command, string What)[] rows =
        [
            ("QUESTION", "Ask; follow-ups (\"what about its memory cost?\") use the conversation so far"),
            ("/search Q", "The papers that match Q"),
            ("/paper ID", "One paper: n of the last list (answer or /search), an arXiv id or link, a paper id, or title words"),
            ("/digest [DAY|SPAN]", "The digest of a day (YYYY-MM-DD; default: the latest day) or a span (\"this week\", \"D1 to D2\")"),
            ("/bib", "BibTeX entries of the papers the last answer cites"),
            ("/sources", "Every numbered source of the last answer"),
            ("/new", "Forget the conversation"),
            ("/help", "This list"),
            ("/quit", "Leave (or Ctrl+D)"),
        ];
        if (!interactive)
        {
            foreach (var (command, what) in rows) console.Out.WriteLine($"{command,-16}{what}");
            return;
        }
        var grid = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
        foreach (var (command, what) in rows) grid.AddRow($"[bold]{Markup.Escape(command)}[/]", Markup.Escape(what));
        console.Ansi.Write(grid);
        console.Ansi.MarkupLine("[dim]Ctrl+C stops the answer being written.[/]");
    }

    private void WriteSources()
    {
        if (_last is null) { Say("No answer yet: ask a question first."); return; }
        if (_last.Sources.Count == 0) { Say("The last answer had no sources."); return; }
        var cited = _last.Citations.Count == 0 ? "none cited" : "cited: " + string.Join(", ", _last.Citations.Select(n => $"[{n}]"));
        SourceLines.Write(console, $"Sources of the last answer ({cited}):", _last.Sources, s => !_last.Citations.Contains(s.N));
        _shown = ShownList.AllSources(_last);
    }

    private async Task SearchAsync(string query, CancellationToken cancellationToken)
    {
        if (query.Length == 0) throw new CliException("/search needs a query, e.g. /search speculative decoding");
        var results = await services.GetRequiredService<IPaperSearch>().SearchAsync(new SearchQuery(query, 10), cancellationToken);
        SearchTable.Write(console.Ansi, results);
        if (results.Hits.Count > 0) _shown = ShownList.OfSearch(results.Hits.Select(h => h.Paper.Id));
    }

    private async Task PaperAsync(string reference, CancellationToken cancellationToken)
    {
        if (reference.Length == 0)
            throw new CliException("/paper needs a paper, e.g. /paper 2 (number 2 of the last list), /paper 2401.12345 or /paper MiniCache");
        var found = await services.GetRequiredService<ReferenceResolver>().FindPaperAsync(reference, _shown, cancellationToken);
        if (found.Paper is null) throw new CliException($"/paper {reference}: {char.ToLowerInvariant(found.Problem![0])}{found.Problem[1..]}");
        PaperPrinter.Write(console, found.Paper);
    }

    private async Task DigestAsync(string argument, CancellationToken cancellationToken)
    {
        var request = DigestArguments.Parse(argument, services.GetRequiredService<DateFilterParser>());
        ReplPager.WriteDigest(console, await DigestCommand.CreateAsync(services, request, cancellationToken));
    }

    private async Task BibAsync(CancellationToken cancellationToken)
    {
        if (_last is null) { Say("No answer yet: ask a question first."); return; }
        console.Out.Write(BibTex.Write(await StoredPapers.CitedAsync(services, _last, cancellationToken)));
    }

    private async Task WriteBannerAsync(CancellationToken cancellationToken)
    {
        var stats = await services.GetRequiredService<IPaperStore>().GetStatsAsync(cancellationToken);
        var days = stats.Days.Count == 0 ? "no listing days"
            : stats.Days.Count == 1 ? Day(stats.Days[0]) : $"{Day(stats.Days[0])} to {Day(stats.Days[^1])}";
        var model = services.GetRequiredService<ChatSettings>().Describe();
        console.Ansi.MarkupLine($"[bold]ResearchBot[/] [dim]· {stats.Papers:N0} papers · {Markup.Escape(days)} · {Markup.Escape(model)}[/]");
        console.Ansi.MarkupLine("[dim]Ask a question about the papers, or type /help. Ctrl+C stops an answer; /quit leaves.[/]");
        ShowOfflineNoticeOnce();
        console.Ansi.WriteLine();
    }

    /// <summary>Says once per session that no language model is configured (answers then quote the papers).</summary>
    private void ShowOfflineNoticeOnce()
    {
        if (_offlineNoticeShown || services.GetRequiredService<ChatSettings>().UsesModel) return;
        _offlineNoticeShown = true;
        Say(ResearchBot.Answering.Offline.OfflineAnswerer.Notice);
    }

    private void Say(string text)
    {
        if (interactive) console.Ansi.MarkupLine($"[dim]{Markup.Escape(text)}[/]");
        else console.Out.WriteLine(text);
    }

    private void OnCancelKeyPress(object? sender, ConsoleCancelEventArgs e) => e.Cancel = OnCtrlC();

    /// <summary>
    /// What Ctrl+C does: stops the answer being written and returns true (the program goes on); at the prompt, the
    /// first press only says how to leave (true), the second lets the program end (false).
    /// </summary>
    internal bool OnCtrlC()
    {
        if (Volatile.Read(ref _current) is { } answer)
        {
            try
            {
                answer.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // The answer finished as the key was pressed: nothing left to stop.
            }
            return true;
        }
        if (_exitArmed) return false;
        _exitArmed = true;
        console.Out.WriteLine();
        console.WriteNote("(press Ctrl+C again, type /quit or press Ctrl+D to leave)");
        console.Ansi.Markup(Prompt + " ");
        return true;
    }

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
