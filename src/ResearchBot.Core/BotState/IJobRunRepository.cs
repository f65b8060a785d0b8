namespace ResearchBot.BotState;

/// <summary>Remembers when a scheduled job last ran, so a restarted host can catch up the runs it missed.</summary>
public interface IJobRunRepository
{
    /// <summary>The scheduled time of <paramref name="job"/>'s last completed run, or null when it never ran.</summary>
    Task<DateTimeOffset?> GetLastRunAsync(string job, CancellationToken cancellationToken = default);

    /// <summary>Records that the run of <paramref name="job"/> scheduled at <paramref name="scheduledAt"/> completed.</summary>
    Task SetLastRunAsync(string job, DateTimeOffset scheduledAt, CancellationToken cancellationToken = default);
}
