namespace ResearchBot.Cli.Output;

/// <summary>Reports on the caller's thread (unlike <see cref="Progress{T}"/>, which posts to the thread pool and may run late).</summary>
internal sealed class InlineProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
