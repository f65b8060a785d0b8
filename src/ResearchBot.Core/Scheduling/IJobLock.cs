namespace ResearchBot.Scheduling;

/// <summary>
/// Makes a scheduled job run once per occurrence across every process that shares the store: the first process to
/// claim an occurrence runs it, the others (at the same time or later) skip it.
/// </summary>
public interface IJobLock
{
    /// <summary>
    /// Runs <paramref name="work"/> for <paramref name="occurrence"/> of <paramref name="job"/> ("digest", "2026-12-01") unless
    /// another process is running it or has finished it. Returns true when this call ran it. A run that throws is not
    /// recorded as finished, so a later call may run it again.
    /// </summary>
    Task<bool> RunOnceAsync(string job, string occurrence, Func<CancellationToken, Task> work, CancellationToken cancellationToken = default);
}
