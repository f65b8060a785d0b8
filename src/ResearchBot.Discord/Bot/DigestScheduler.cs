using Cronos;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ResearchBot.Digest;
using ResearchBot.Discord.Rest;
using ResearchBot.Ingestion;
using ResearchBot.Scheduling;

namespace ResearchBot.Discord.Bot;

/// <summary>At each <see cref="DiscordOptions.DigestCron"/> time (in <see cref="DiscordOptions.DigestTimeZone"/>): ingests the
/// day's Hugging Face papers and posts the digest to <see cref="DiscordOptions.DigestChannelId"/>. When several bot processes
/// share one store, <see cref="IJobLock"/> lets only one of them post each day's digest.</summary>
public sealed class DigestScheduler(
    IIngestionService ingestion,
    IDigestService digests,
    DiscordRestClient rest,
    IOptions<DiscordOptions> options,
    TimeProvider time,
    ILogger<DigestScheduler> log,
    IJobLock? jobs = null) : BackgroundService
{
    private static readonly TimeSpan MaxSingleWait = TimeSpan.FromHours(12);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        if (o.DigestChannelId is not { } channel)
        {
            log.LogInformation("No Discord:DigestChannelId: the scheduled digest is off");
            return;
        }
        var cron = CronExpression.Parse(o.DigestCron);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(o.DigestTimeZone);
        while (!stoppingToken.IsCancellationRequested)
        {
            if (cron.GetNextOccurrence(time.GetUtcNow(), zone) is not { } next) return;
            log.LogInformation("Next digest at {Next}", next);
            try
            {
                for (var wait = next - time.GetUtcNow(); wait > TimeSpan.Zero; wait = next - time.GetUtcNow())
                    await Task.Delay(wait < MaxSingleWait ? wait : MaxSingleWait, time, stoppingToken);
            }
            catch (OperationCanceledException) { return; }
            var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(next, zone).DateTime);
            if (!await RunOnceAsync(channel.ToString(), day, stoppingToken))
                log.LogInformation("The digest of {Day} is posted by another bot process", day);
        }
    }

    /// <summary>Posts <paramref name="day"/>'s digest unless another process sharing the store posts or has posted it; true when this one did.</summary>
    public async Task<bool> RunOnceAsync(string channelId, DateOnly day, CancellationToken cancellationToken)
    {
        if (jobs is null)
        {
            await PostAsync(channelId, day, cancellationToken);
            return true;
        }
        try
        {
            return await jobs.RunOnceAsync("digest:" + channelId, day.ToString("yyyy-MM-dd"), ct => PostAsync(channelId, day, ct), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            log.LogError(ex, "The scheduled digest of {Day} could not be claimed", day);
            return false;
        }
    }

    /// <summary>Ingests <paramref name="day"/>'s papers and posts its digest; failures are logged, never thrown.</summary>
    public async Task PostAsync(string channelId, DateOnly day, CancellationToken cancellationToken)
    {
        try
        {
            var report = await ingestion.IngestAsync(new IngestRequest(["hf"], day), cancellationToken: cancellationToken);
            foreach (var failure in report.Failures) log.LogWarning("Digest ingest: {Failure}", failure);
            var digest = await digests.CreateAsync(day, cancellationToken);
            if (digest is null)
            {
                log.LogInformation("No papers listed for {Day}: no digest posted", day);
                return;
            }
            var channel = new ChannelPost(rest, channelId);
            await channel.DeliverAsync(ResultFormatter.DigestHeader(digest), SourcesEmbed.Build(digest.Sources, "Papers"), cancellationToken);
            log.LogInformation("Posted the digest of {Day}", day);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            log.LogError(ex, "The scheduled digest of {Day} failed", day);
        }
    }
}
