namespace ResearchBot.Scheduling;

/// <summary>The job lock of a store only one process uses (SQLite): occurrences are claimed in this process's memory.</summary>
public sealed class InProcessJobLock : IJobLock
{
    private readonly Lock _gate = new();
    private readonly HashSet<(string Job, string Occurrence)> _claimed = [];

    public async Task<bool> RunOnceAsync(string job, string occurrence, Func<CancellationToken, Task> work, CancellationToken cancellationToken = default)
    {
        lock (_gate)
            if (!_claimed.Add((job, occurrence))) return false;
        try
        {
            await work(cancellationToken);
            return true;
        }
        catch
        {
            lock (_gate) _claimed.Remove((job, occurrence));
            throw;
        }
    }
}
