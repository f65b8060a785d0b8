using ResearchBot.Discord.Bot;

namespace ResearchBot.Discord.Tests.Support;

/// <summary>Records the exit code instead of setting the test host's.</summary>
public sealed class RecordingExitCode : IExitCode
{
    public int? Code { get; private set; }
    public void Set(int code) => Code = code;
}
