using Cronos;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ResearchBot.Digest;
using ResearchBot.Discord.Guilds;
using ResearchBot.Discord.Bot.Subscriptions;
using ResearchBot.Discord.Rest;
using ResearchBot.Ingestion;
using ResearchBot.Scheduling;

namespace ResearchBot.Discord.Bot;

/// <summary>
/// Posts the daily digests: one per server that set a digest channel with <c>/settings</c> (at its time, in its time zone,
/// ranked by its interests), and the configured <see cref="DiscordOptions.DigestChannelId"/> at
/// <see cref="DiscordOptions.DigestCron"/> in <see cref="DiscordOptions.DigestTimeZone"/>. Each post first ingests the day's
/// Hugging Face papers. A settings change is picked up at once. When several bot processes share one store,
/// <see cref="IJobLock"/> lets only one of them post each channel's digest of a day.
/// </summary>
public sealed class DigestScheduler(
    IIngestionService ingestion,
    IDigestService digests,
    ChannelInterests channelInterests,
    DiscordRestClient rest,
    ServerSettings settings,
    TimeProvider time,
    ILogger<DigestScheduler> log,
    IJobLock? jobs = null) : BackgroundService
{
    private static readonly TimeSpan MaxSingleWait = TimeSpan.FromHours(12);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var changed = settings.Changed;
            IReadOnlyList<DigestSchedule> schedules;
            try { schedules = await settings.DigestSchedulesAsync(stoppingToken); }
            catch (OperationCanceledException) { return; }
            var now = time.GetUtcNow();
            var due = schedules
                .Select(s => (Schedule: s, Zone: TimeZoneInfo.FindSystemTimeZoneById(s.TimeZone), Next: CronExpression.Parse(s.Cron).GetNextOccurrence(now, TimeZoneInfo.FindSystemTimeZoneById(s.TimeZone))))
                .Where(d => d.Next is not null)
                .ToList();
            if (due.Count == 0)
                log.LogInformation("No digest channel is set (Discord:DigestChannelId or /settings): the scheduled digest is off until one is");
            var next = due.Count == 0 ? (DateTimeOffset?)null : due.Min(d => d.Next!.Value);
            if (next is not null) log.LogInformation("Next digest at {Next}", next);
            using var wake = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, changed);
            try
            {
                if (next is null) await Task.Delay(Timeout.InfiniteTimeSpan, time, wake.Token);
                else
                    for (var wait = next.Value - time.GetUtcNow(); wait > TimeSpan.Zero; wait = next.Value - time.GetUtcNow())
                        await Task.Delay(wait < MaxSingleWait ? wait : MaxSingleWait, time, wake.Token);
            }
            catch (OperationCanceledException)
            {
                if (stoppingToken.IsCancellationRequested) return;
                log.LogInformation("Server settings changed: planning the digests again");
                continue;
            }
            foreach (var (schedule, zone, at) in due.Where(d => d.Next == next))
            {
                var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at!.Value, zone).DateTime);
                if (!await RunOnceAsync(schedule.ChannelId, day, stoppingToken, schedule.Interests))
                    log.LogInformation("The digest of {Day} for {Channel} is posted by another bot process", day, schedule.ChannelId);
            }
        }
    }

    /// <summary>Posts <paramref name="day"/>'s digest unless another process sharing the store posts or has posted it; true when this one did.</summary>
    public async Task<bool> RunOnceAsync(string channelId, DateOnly day, CancellationToken cancellationToken, IReadOnlyList<string>? interests = null)
    {
        if (jobs is null)
        {
            await PostAsync(channelId, day, cancellationToken, interests);
            return true;
        }
        try
        {
            return await jobs.RunOnceAsync("digest:" + channelId, day.ToString("yyyy-MM-dd"), ct => PostAsync(channelId, day, ct, interests), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            log.LogError(ex, "The scheduled digest of {Day} could not be claimed", day);
            return false;
        }
    }

    /// <summary>Ingests <paramref name="day"/>'s papers and posts its digest; failures are logged, never thrown.</summary>
    public async Task PostAsync(string channelId, DateOnly day, CancellationToken cancellationToken, IReadOnlyList<string>? interests = null)
    {
        try
        {
            var report = await ingestion.IngestAsync(new IngestRequest(["hf"], day), cancellationToken: cancellationToken);
            foreach (var failure in report.Failures) log.LogWarning("Digest ingest: {Failure}", failure);
            // The channel's subscribed phrases rank first, then the server's interests (else the configured ones).
            var subscribed = await channelInterests.ForAsync(channelId, cancellationToken);
            IReadOnlyList<string>? ranked = subscribed is null ? interests : [.. subscribed, .. interests ?? []];
            var digest = await digests.CreateAsync(new DigestRequest(day, Interests: ranked), cancellationToken);
            if (digest is null)
            {
                log.LogInformation("No papers listed for {Day}: no digest posted", day);
                return;
            }
            var channel = new ChannelPost(rest, channelId);
            await channel.DeliverAsync(ResultFormatter.DigestHeader(digest), SourcesEmbed.Build(digest.Sources, "Papers"), cancellationToken);
            log.LogInformation("Posted the digest of {Day} to {Channel}", day, channelId);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            log.LogError(ex, "The scheduled digest of {Day} failed", day);
        }
    }
}
