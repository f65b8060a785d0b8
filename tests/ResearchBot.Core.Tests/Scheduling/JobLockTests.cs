using ResearchBot.Scheduling;
using ResearchBot.Storage.Postgres;
using ResearchBot.TestSupport.Postgres;

namespace ResearchBot.Tests.Scheduling;

/// <summary><see cref="IJobLock"/>: an occurrence runs once, whoever asks at the same time or later; a failed run can be retried.</summary>
public sealed class JobLockTests
{
    [Fact]
    public async Task Two_postgres_processes_run_an_occurrence_once_and_a_late_one_skips_it()
    {
        var store = PostgresServer.Instance.CreateDatabase("jobs");
        using var dbA = new PostgresDatabase(store);
        using var dbB = new PostgresDatabase(store);
        await RunsOnce(new PostgresJobLock(dbA), new PostgresJobLock(dbB));
    }

    [Fact]
    public async Task The_in_process_lock_runs_an_occurrence_once()
    {
        var shared = new InProcessJobLock();
        await RunsOnce(shared, shared);
    }

    private static async Task RunsOnce(IJobLock a, IJobLock b)
    {
        var runs = 0;
        var release = new TaskCompletionSource();
        async Task Work(CancellationToken _) { Interlocked.Increment(ref runs); await release.Task; }

        var first = a.RunOnceAsync("digest", "2026-11-23", Work);
        while (Volatile.Read(ref runs) == 0) await Task.Delay(10);
        // While the first holds the occurrence, the other process skips it rather than waiting.
        Assert.False(await b.RunOnceAsync("digest", "2026-11-23", Work));
        release.SetResult();
        Assert.True(await first);
        Assert.False(await b.RunOnceAsync("digest", "2026-11-23", Work));
        Assert.Equal(1, runs);

        await Assert.ThrowsAsync<InvalidOperationException>(() => b.RunOnceAsync("digest", "2026-11-24", _ => throw new InvalidOperationException("posting failed")));
        Assert.True(await a.RunOnceAsync("digest", "2026-11-24", Work));
        Assert.True(await b.RunOnceAsync("ingest", "2026-11-23", Work));
        Assert.Equal(3, runs);
    }
}
