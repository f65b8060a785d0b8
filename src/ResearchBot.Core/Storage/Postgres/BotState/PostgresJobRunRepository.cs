using System.Globalization;
using ResearchBot.BotState;
using static ResearchBot.Storage.Postgres.BotState.PostgresBotStateSql;

namespace ResearchBot.Storage.Postgres.BotState;

/// <summary>
/// The last run of each scheduled job in the PostgreSQL store. It uses the store's <c>job_runs</c> table, the one
/// <see cref="PostgresJobLock"/> records finished occurrences in: a completed run is a row (job, occurrence) there, with
/// the occurrence as its scheduled time in UTC (round-trip format), and the last run is the one that finished last.
/// </summary>
public sealed class PostgresJobRunRepository(PostgresDatabase db) : IJobRunRepository
{
    public async Task<DateTimeOffset?> GetLastRunAsync(string job, CancellationToken cancellationToken = default)
    {
        await using var c = db.Open();
        await using var cmd = Command(c, "SELECT occurrence FROM job_runs WHERE job = @job ORDER BY finished DESC, occurrence COLLATE \"C\" DESC LIMIT 1", ("job", job));
        return await cmd.ExecuteScalarAsync(cancellationToken) is string text
            ? DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal)
            : null;
    }

    public async Task SetLastRunAsync(string job, DateTimeOffset scheduledAt, CancellationToken cancellationToken = default)
    {
        await using var c = db.Open();
        await using var cmd = Command(c, """
            INSERT INTO job_runs(job, occurrence, finished) VALUES (@job, @occurrence, clock_timestamp())
            ON CONFLICT (job, occurrence) DO UPDATE SET finished = excluded.finished
            """, ("job", job), ("occurrence", Utc(scheduledAt).ToString("O", CultureInfo.InvariantCulture)));
        await cmd.ExecuteNonQueryAsync(cancellationToken);
    }
}
