namespace ResearchBot.Cli;

/// <summary>A user mistake found by a verb (missing file, bad value): shown as one <c>error: …</c> line, never a stack trace.</summary>
public sealed class CliException(string message, int exitCode = CliApp.ExitFailure) : Exception(message)
{
    /// <summary>The process exit code to return.</summary>
    public int ExitCode { get; } = exitCode;
}
