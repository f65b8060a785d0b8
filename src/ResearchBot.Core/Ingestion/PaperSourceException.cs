namespace ResearchBot.Ingestion;

/// <summary>An online paper source that could not be read (HTTP error, timeout, unreachable); the message is one line.</summary>
public sealed class PaperSourceException(string message, Exception? innerException = null) : Exception(message, innerException);
