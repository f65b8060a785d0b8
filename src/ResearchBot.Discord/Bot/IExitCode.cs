namespace ResearchBot.Discord.Bot;

/// <summary>Sets the process exit code (tests record it instead).</summary>
public interface IExitCode
{
    void Set(int code);
}

/// <summary>Writes <see cref="Environment.ExitCode"/>.</summary>
public sealed class ProcessExitCode : IExitCode
{
    public void Set(int code) => Environment.ExitCode = code;
}
