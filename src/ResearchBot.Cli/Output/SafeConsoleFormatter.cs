using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using ResearchBot.Display;

namespace ResearchBot.Cli.Output;

/// <summary>
/// The console log format (the simple format's layout, without colours): <c>warn: Category[id]</c>, then the message
/// indented on the next line. The message and any exception text go through <see cref="DisplayText"/>, so a logged
/// title or provider reply cannot drive the terminal, as for every other human-readable output.
/// </summary>
internal sealed class SafeConsoleFormatter() : ConsoleFormatter(FormatterName)
{
    /// <summary>The name the console logger is configured with.</summary>
    public const string FormatterName = "researchbot";

    private const string Indent = "      ";

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var message = logEntry.Formatter(logEntry.State, logEntry.Exception);
        if (string.IsNullOrEmpty(message) && logEntry.Exception is null) return;
        textWriter.Write(Level(logEntry.LogLevel));
        textWriter.Write(": ");
        textWriter.Write(DisplayText.Clean(logEntry.Category));
        textWriter.Write('[');
        textWriter.Write(logEntry.EventId.Id);
        textWriter.WriteLine(']');
        if (!string.IsNullOrEmpty(message)) WriteIndented(textWriter, message);
        if (logEntry.Exception is { } exception) WriteIndented(textWriter, exception.ToString());
    }

    private static void WriteIndented(TextWriter writer, string text)
    {
        foreach (var line in DisplayText.Clean(text).Split('\n'))
        {
            writer.Write(Indent);
            writer.WriteLine(line.TrimEnd('\r'));
        }
    }

    private static string Level(LogLevel level) => level switch
    {
        LogLevel.Trace => "trce",
        LogLevel.Debug => "dbug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warn",
        LogLevel.Error => "fail",
        LogLevel.Critical => "crit",
        _ => level.ToString().ToLowerInvariant(),
    };
}
