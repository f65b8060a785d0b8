using Cronos;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ResearchBot.BotState;
using ResearchBot.Scheduling;
using ResearchBot.Storage;
using ResearchBot.Telemetry;

namespace ResearchBot.Ingestion.Scheduling;

/// <summary>
/// Ingests <see cref="IngestScheduleOptions.Sources"/> at each <see cref="IngestScheduleOptions.Schedule"/> time. The last
/// run is kept in the store, so after downtime the missed runs are caught up first (at most
/// <see cref="IngestScheduleOptions.MaxCatchUpRuns"/>, the latest; each fetches the Hugging Face papers of its own day, and
/// arXiv queries, which always return the newest papers, run once with the latest). Each run is logged and counted. When
/// several processes share one store, <see cref="IJobLock"/> lets only one of them run each occurrence.
/// </summary>
public sealed class IngestScheduler(
    IIngestionService ingestion,
    IPaperStore store,
    IJobRunRepository jobs,
    ResearchBotMetrics metrics,
    IOptions<IngestScheduleOptions> options,
    TimeProvider time,
    ILogger<IngestScheduler> log,
    IJobLock? locks = null) : BackgroundService
{
    /// <summary>The job's name in <see cref="IJobRunRepository"/>.</summary>
    public const string JobName = "ingest";

    /// <summary>The job's name in <see cref="IJobLock"/> (its occurrences are the scheduled times, in UTC).</summary>
    public const string LockName = "ingest-run";

    private static readonly TimeSpan MaxSingleWait = TimeSpan.FromHours(12);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        if (string.IsNullOrWhiteSpace(o.Schedule))
        {
            log.LogInformation("No Ingest:Schedule: scheduled ingestion is off");
            return;
        }
        var cron = CronExpression.Parse(o.Schedule);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(o.TimeZone);
        var sources = o.EffectiveSources.Select(s => ScheduledSource.Parse(s)!).ToList();
        try
        {
            await CatchUpAsync(cron, zone, sources, stoppingToken);
            while (!stoppingToken.IsCancellationRequested)
            {
                if (cron.GetNextOccurrence(time.GetUtcNow(), zone) is not { } next) return;
                log.LogInformation("Next scheduled ingest at {Next}", next);
                for (var wait = next - time.GetUtcNow(); wait > TimeSpan.Zero; wait = next - time.GetUtcNow())
                    await Task.Delay(wait < MaxSingleWait ? wait : MaxSingleWait, time, stoppingToken);
                await RunAsync(next, zone, sources, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
    }

    /// <summary>Runs the occurrences missed since the last recorded run (none on the very first start).</summary>
    private async Task CatchUpAsync(CronExpression cron, TimeZoneInfo zone, IReadOnlyList<ScheduledSource> sources, CancellationToken cancellationToken)
    {
        var max = options.Value.MaxCatchUpRuns;
        var now = time.GetUtcNow();
        if (await jobs.GetLastRunAsync(JobName, cancellationToken) is not { } last)
        {
            await jobs.SetLastRunAsync(JobName, now, cancellationToken);
            return;
        }
        if (max == 0 || last >= now) return;
        var missed = cron.GetOccurrences(last, now, zone, fromInclusive: false, toInclusive: true).ToList();
        if (missed.Count == 0) return;
        var kept = missed.TakeLast(max).ToList();
        log.LogInformation("Catching up {Runs} missed scheduled ingest runs ({Skipped} older ones skipped)", kept.Count, missed.Count - kept.Count);
        for (var i = 0; i < kept.Count; i++)
            await RunAsync(kept[i], zone, i == kept.Count - 1 ? sources : sources.Where(s => s.ArxivQuery is null).ToList(), cancellationToken);
    }

    /// <summary>One run, unless another process sharing the store runs or has run this occurrence.</summary>
    private async Task RunAsync(DateTimeOffset scheduledAt, TimeZoneInfo zone, IReadOnlyList<ScheduledSource> sources, CancellationToken cancellationToken)
    {
        if (locks is null)
        {
            await IngestAsync(scheduledAt, zone, sources, cancellationToken);
            return;
        }
        var occurrence = scheduledAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm'Z'", System.Globalization.CultureInfo.InvariantCulture);
        if (!await locks.RunOnceAsync(LockName, occurrence, ct => IngestAsync(scheduledAt, zone, sources, ct), cancellationToken))
            log.LogInformation("The scheduled ingest of {Occurrence} is run by another bot process", occurrence);
    }

    /// <summary>Every source for the day of <paramref name="scheduledAt"/>; failures are logged and counted, never thrown.</summary>
    private async Task IngestAsync(DateTimeOffset scheduledAt, TimeZoneInfo zone, IReadOnlyList<ScheduledSource> sources, CancellationToken cancellationToken)
    {
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(scheduledAt, zone).DateTime);
        var dayText = day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        foreach (var source in sources)
        {
            try
            {
                var report = await ingestion.IngestAsync(source.Request(day, options.Value.ArxivMax), cancellationToken: cancellationToken);
                metrics.IngestRan(report.Succeeded, report.Added);
                if (report.Succeeded)
                    log.LogInformation("Scheduled ingest of {Source} for {Day}: {Added} added, {Updated} updated, {Unchanged} unchanged",
                        source, dayText, report.Added, report.Updated, report.Unchanged);
                else
                    log.LogWarning("Scheduled ingest of {Source} for {Day} failed: {Failures}", source, dayText, string.Join("; ", report.Failures));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                metrics.IngestRan(false, 0);
                log.LogError(ex, "Scheduled ingest of {Source} for {Day} failed", source, dayText);
            }
        }
        await jobs.SetLastRunAsync(JobName, scheduledAt, cancellationToken);
        try { metrics.PapersInStore(await store.CountAsync(cancellationToken: cancellationToken)); }
        catch (Exception ex) when (ex is not OperationCanceledException) { log.LogWarning("Could not count the papers: {Error}", ex.Message); }
    }
}
