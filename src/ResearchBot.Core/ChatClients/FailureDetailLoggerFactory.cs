using Microsoft.Extensions.Logging;

namespace ResearchBot.ChatClients;

/// <summary>
/// The logger factory of the chat pipeline's Microsoft.Extensions.AI layers (logging, OpenTelemetry, function
/// invocation): their entries that carry an exception are written at Debug, so a provider failure is the one
/// <c>error:</c> line at the default log level and its stack trace is there only when Debug logging is asked for.
/// </summary>
internal sealed class FailureDetailLoggerFactory(ILoggerFactory inner) : ILoggerFactory
{
    public ILogger CreateLogger(string categoryName) => new DetailLogger(inner.CreateLogger(categoryName));

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    /// <summary>The inner factory belongs to the host; nothing to dispose here.</summary>
    public void Dispose()
    {
    }

    private sealed class DetailLogger(ILogger inner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (exception is not null && logLevel > LogLevel.Debug) logLevel = LogLevel.Debug;
            if (inner.IsEnabled(logLevel)) inner.Log(logLevel, eventId, state, exception, formatter);
        }
    }
}
