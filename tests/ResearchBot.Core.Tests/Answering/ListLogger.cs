using Microsoft.Extensions.Logging;

namespace ResearchBot.Core.Tests.Answering;

/// <summary>A logger that keeps formatted information-or-worse lines.</summary>
internal sealed class ListLogger : ILogger
{
    public List<string> Lines { get; } = [];

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (IsEnabled(logLevel)) Lines.Add(formatter(state, exception));
    }
}
