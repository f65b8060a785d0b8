using Npgsql;
using ResearchBot.Scheduling;

namespace ResearchBot.Storage.Postgres;

/// <summary>
/// Runs a job occurrence once across processes: a session advisory lock on the job's name (held by one connection
/// while the work runs; another process does not wait, it skips) and a row in <c>job_runs</c> once it is done, so a
/// process that comes late skips it too.
/// </summary>
public sealed class PostgresJobLock(PostgresDatabase db) : IJobLock
{
    public async Task<bool> RunOnceAsync(string job, string occurrence, Func<CancellationToken, Task> work, CancellationToken cancellationToken = default)
    {
        await using var c = db.Open();
        var key = "researchbot:" + job;
        await using (var take = new NpgsqlCommand("SELECT pg_try_advisory_lock(hashtextextended(@k, 0))", c))
        {
            take.Parameters.AddWithValue("k", key);
            if (!(bool)(await take.ExecuteScalarAsync(cancellationToken))!) return false;
        }
        try
        {
            await using (var done = new NpgsqlCommand("SELECT EXISTS(SELECT 1 FROM job_runs WHERE job = @j AND occurrence = @o)", c))
            {
                done.Parameters.AddWithValue("j", job);
                done.Parameters.AddWithValue("o", occurrence);
                if ((bool)(await done.ExecuteScalarAsync(cancellationToken))!) return false;
            }
            await work(cancellationToken);
            await using var record = new NpgsqlCommand("INSERT INTO job_runs(job, occurrence) VALUES (@j, @o) ON CONFLICT DO NOTHING", c);
            record.Parameters.AddWithValue("j", job);
            record.Parameters.AddWithValue("o", occurrence);
            await record.ExecuteNonQueryAsync(CancellationToken.None);
            return true;
        }
        finally
        {
            // The lock is the session's: release it before the connection goes back to the pool.
            await using var release = new NpgsqlCommand("SELECT pg_advisory_unlock(hashtextextended(@k, 0))", c);
            release.Parameters.AddWithValue("k", key);
            await release.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }
}
