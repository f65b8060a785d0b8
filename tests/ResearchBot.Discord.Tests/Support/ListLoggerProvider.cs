using Microsoft.Extensions.Logging;
using ResearchBot.TestSupport;

namespace ResearchBot.Discord.Tests.Support;

/// <summary>Keeps every log line (formatted, with exception text) for assertions.</summary>
public sealed class ListLoggerProvider : ILoggerProvider
{
    public SignalList<(LogLevel Level, string Category, string Text)> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => new ListLogger(this, categoryName);

    public void Dispose() { }

    private sealed class ListLogger(ListLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.Lines.Add((logLevel, category, formatter(state, exception) + (exception is null ? "" : " " + exception)));
    }
}
