using System.Globalization;
using ResearchBot.BotState;

namespace ResearchBot.Storage.BotState;

/// <summary>The last run of each scheduled job in the SQLite store.</summary>
public sealed class SqliteJobRunRepository(BotStateTables tables) : IJobRunRepository
{
    public async Task<DateTimeOffset?> GetLastRunAsync(string job, CancellationToken cancellationToken = default)
    {
        await using var c = tables.Open();
        await using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT last_run FROM bot_job_runs WHERE job = $job";
        cmd.Parameters.AddWithValue("$job", job);
        return await cmd.ExecuteScalarAsync(cancellationToken) is string text ? DateTimeOffset.Parse(text, CultureInfo.InvariantCulture) : null;
    }

    public async Task SetLastRunAsync(string job, DateTimeOffset scheduledAt, CancellationToken cancellationToken = default)
    {
        await using var c = tables.Open();
        await using var cmd = c.CreateCommand();
        cmd.CommandText = """
            INSERT INTO bot_job_runs (job, last_run) VALUES ($job, $run)
            ON CONFLICT(job) DO UPDATE SET last_run = excluded.last_run
            """;
        cmd.Parameters.AddWithValue("$job", job);
        cmd.Parameters.AddWithValue("$run", scheduledAt.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture));
        await cmd.ExecuteNonQueryAsync(cancellationToken);
    }
}
