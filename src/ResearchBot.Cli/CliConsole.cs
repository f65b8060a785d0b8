using ResearchBot.Cli.Output;
using Spectre.Console;

namespace ResearchBot.Cli;

/// <summary>
/// The streams one CLI run reads and writes, and whether standard output is an interactive terminal. Everything written to
/// <see cref="Out"/>, <see cref="Error"/> and <see cref="Ansi"/> loses its control characters on the way (<see cref="SafeTextWriter"/>,
/// <see cref="SafeRenderHook"/>): stored text never drives the terminal.
/// </summary>
public sealed class CliConsole
{
    private readonly Lazy<IAnsiConsole> _ansi;
    private readonly TextWriter _rawOut;

    /// <param name="isTerminal">True only for a real terminal: enables Spectre progress, colours and the terminal's width.</param>
    /// <param name="isSystemConsole">True when these are the process's own streams (Ctrl+C handling is then installed).</param>
    public CliConsole(TextReader input, TextWriter output, TextWriter error, bool isTerminal = false, bool isSystemConsole = false)
    {
        In = input;
        _rawOut = output;
        Out = new SafeTextWriter(output);
        Error = new SafeTextWriter(error);
        IsTerminal = isTerminal;
        IsSystemConsole = isSystemConsole;
        _ansi = new Lazy<IAnsiConsole>(CreateAnsi);
    }

    public TextReader In { get; }
    /// <summary>Standard output, without control characters.</summary>
    public TextWriter Out { get; }

    /// <summary>Standard error, without control characters.</summary>
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
            Out = new AnsiConsoleOutput(_rawOut),
        });
        console.Pipeline.Attach(new SafeRenderHook());
        if (!IsTerminal) console.Profile.Width = 160;
        return console;
    }
}
