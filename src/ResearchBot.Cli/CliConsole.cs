using Spectre.Console;

namespace ResearchBot.Cli;

/// <summary>The streams one CLI run reads and writes, and whether standard output is an interactive terminal.</summary>
public sealed class CliConsole
{
    private readonly Lazy<IAnsiConsole> _ansi;

    /// <param name="isTerminal">True only for a real terminal: enables Spectre progress, colours and the terminal's width.</param>
    /// <param name="isSystemConsole">True when these are the process's own streams (Ctrl+C handling is then installed).</param>
    public CliConsole(TextReader input, TextWriter output, TextWriter error, bool isTerminal = false, bool isSystemConsole = false)
    {
        In = input;
        Out = output;
        Error = error;
        IsTerminal = isTerminal;
        IsSystemConsole = isSystemConsole;
        _ansi = new Lazy<IAnsiConsole>(CreateAnsi);
    }

    public TextReader In { get; }
    public TextWriter Out { get; }
    public TextWriter Error { get; }
    public bool IsTerminal { get; }
    public bool IsSystemConsole { get; }

    /// <summary>Spectre.Console over <see cref="Out"/>: plain text without colours or live widgets when not a terminal.</summary>
    public IAnsiConsole Ansi => _ansi.Value;

    /// <summary>The process's standard streams.</summary>
    public static CliConsole FromSystemConsole() =>
        new(Console.In, Console.Out, Console.Error, isTerminal: !Console.IsOutputRedirected, isSystemConsole: true);

    /// <summary>Writes the one-line <c>error: …</c> message of a failure to standard error.</summary>
    public void WriteError(string message) => Error.WriteLine("error: " + OneLine(message));

    /// <summary>Writes a one-line note (what the CLI did on its own, e.g. loading the sample corpus) to standard error.</summary>
    public void WriteNote(string message) => Error.WriteLine(OneLine(message));

    /// <summary>Collapses a message to a single line.</summary>
    public static string OneLine(string message) =>
        string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private IAnsiConsole CreateAnsi()
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = IsTerminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = IsTerminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = IsTerminal ? InteractionSupport.Yes : InteractionSupport.No,
            Out = new AnsiConsoleOutput(Out),
        });
        if (!IsTerminal) console.Profile.Width = 160;
        return console;
    }
}
