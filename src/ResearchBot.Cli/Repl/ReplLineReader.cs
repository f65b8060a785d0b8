using System.Text;
using Spectre.Console;

namespace ResearchBot.Cli.Repl;

/// <summary>
/// Reads the REPL's lines. At a real terminal it edits them like a shell with <see cref="LineEditor"/> (keys read one
/// by one, the line redrawn after each, scrolled sideways when it is wider than the terminal) and keeps the history
/// across sessions in <see cref="ReplHistory"/>. Otherwise (piped input, tests) it reads plain lines exactly as
/// before, printing the prompt first when interactive.
/// </summary>
internal sealed class ReplLineReader
{
    private readonly CliConsole _console;
    private readonly string _prompt;
    private readonly bool _interactive;
    private readonly LineEditor? _editor;
    private readonly ReplHistory? _history;
    private int _scroll;

    private ReplLineReader(CliConsole console, string prompt, bool interactive, LineEditor? editor, ReplHistory? history)
    {
        _console = console;
        _prompt = prompt;
        _interactive = interactive;
        _editor = editor;
        _history = history;
    }

    /// <summary>True when lines are edited key by key (a real terminal).</summary>
    public bool Edits => _editor is not null;

    /// <summary>
    /// The reader for <paramref name="console"/>: the line editor when the REPL is interactive on the real console with
    /// keyboard input and ANSI support, with the history from <paramref name="historyPath"/> (default: the user's data
    /// folder); else plain lines.
    /// </summary>
    /// <param name="prompt">The prompt as Spectre markup, without a trailing space.</param>
    public static ReplLineReader Create(CliConsole console, string prompt, bool interactive, string? historyPath = null)
    {
        if (!interactive || !console.IsSystemConsole || Console.IsInputRedirected || Console.IsOutputRedirected
            || !console.Ansi.Profile.Capabilities.Ansi)
            return new ReplLineReader(console, prompt, interactive, null, null);
        var history = new ReplHistory(historyPath ?? ReplHistory.DefaultPath);
        return new ReplLineReader(console, prompt, interactive, new LineEditor(history.Load()), history);
    }

    /// <summary>The next line, or null at the end of the input (Ctrl+D on an empty line, end of the piped input).</summary>
    public async Task<string?> ReadLineAsync(CancellationToken cancellationToken)
    {
        if (_editor is null)
        {
            if (_interactive) _console.Ansi.Markup(_prompt + " ");
            return await _console.In.ReadLineAsync(cancellationToken);
        }

        _editor.Reset();
        _scroll = 0;
        _console.Ansi.Markup(_prompt + " ");
        var promptWidth = Markup.Remove(_prompt).Length + 1;
        while (true)
        {
            var key = await Task.Run(() => Console.ReadKey(intercept: true), cancellationToken);
            var result = _editor.Apply(key);
            if (result == LineEditResult.EndOfInput) return null;
            if (result == LineEditResult.Submit)
            {
                Render(promptWidth, atEnd: true);
                Console.Out.Write("\r\n");
                Console.Out.Flush();
                var line = _editor.Text;
                _editor.Remember(line);
                _history!.Add(line);
                return line;
            }
            Render(promptWidth, atEnd: false);
        }
    }

    /// <summary>Redraws the prompt and the visible part of the line, and puts the terminal cursor where the editor's is.</summary>
    private void Render(int promptWidth, bool atEnd)
    {
        var text = _editor!.Text;
        var cursor = atEnd ? text.Length : _editor.Cursor;
        int width;
        try { width = Console.WindowWidth; }
        catch (IOException) { width = 80; }
        var room = Math.Max(10, width - promptWidth - 1);
        if (cursor < _scroll) _scroll = cursor;
        if (cursor > _scroll + room) _scroll = cursor - room;
        _scroll = Math.Clamp(_scroll, 0, text.Length);
        var visible = text.Substring(_scroll, Math.Min(room, text.Length - _scroll));

        var sb = new StringBuilder("\r");
        sb.Append(PromptAnsi).Append(' ').Append(visible).Append("\u001b[K\r");
        var column = promptWidth + cursor - _scroll;
        if (column > 0) sb.Append("\u001b[").Append(column).Append('C');
        Console.Out.Write(sb.ToString());
        Console.Out.Flush();
    }

    /// <summary>The prompt as ANSI text (rendered once by Spectre, so colours follow the terminal's capabilities).</summary>
    private string PromptAnsi => _promptAnsi ??= RenderPrompt();

    private string? _promptAnsi;

    private string RenderPrompt()
    {
        using var writer = new StringWriter();
        var ansi = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.Yes,
            ColorSystem = (ColorSystemSupport)_console.Ansi.Profile.Capabilities.ColorSystem,
            Out = new AnsiConsoleOutput(writer),
        });
        ansi.Markup(_prompt);
        return writer.ToString();
    }
}
