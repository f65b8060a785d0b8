using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ResearchBot.Core.Tests.ChatClients;

/// <summary>A logger factory that keeps every entry at or above <paramref name="minimum"/>, as a console at that level would show it.</summary>
internal sealed class RecordingLoggerFactory(LogLevel minimum = LogLevel.Warning) : ILoggerFactory
{
    private readonly ConcurrentQueue<(LogLevel Level, string Category, string Text, Exception? Exception)> _entries = new();

    public IReadOnlyList<(LogLevel Level, string Category, string Text, Exception? Exception)> Entries => [.. _entries];

    /// <summary>Everything recorded, messages and exceptions (with their stack traces), as one text.</summary>
    public string AllText => string.Join('\n', _entries.Select(e => $"{e.Level} {e.Category}: {e.Text} {e.Exception}"));

    public ILogger CreateLogger(string categoryName) => new Recorder(this, categoryName);

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }

    private sealed class Recorder(RecordingLoggerFactory owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= owner._minimum && logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel)) owner._entries.Enqueue((logLevel, category, formatter(state, exception), exception));
        }
    }

    private readonly LogLevel _minimum = minimum;
}
