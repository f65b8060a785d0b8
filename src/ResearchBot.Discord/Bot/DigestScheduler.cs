using Cronos;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ResearchBot.Digest;
using ResearchBot.Discord.Bot.Subscriptions;
using ResearchBot.Discord.Rest;
using ResearchBot.Ingestion;

namespace ResearchBot.Discord.Bot;

/// <summary>At each <see cref="DiscordOptions.DigestCron"/> time (in <see cref="DiscordOptions.DigestTimeZone"/>): ingests the
/// day's Hugging Face papers and posts the digest to <see cref="DiscordOptions.DigestChannelId"/>.</summary>
public sealed class DigestScheduler(
    IIngestionService ingestion,
    IDigestService digests,
    ChannelInterests channelInterests,
    DiscordRestClient rest,
    IOptions<DiscordOptions> options,
    TimeProvider time,
    ILogger<DigestScheduler> log) : BackgroundService
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
            await PostAsync(channel.ToString(), DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(next, zone).DateTime), stoppingToken);
        }
    }

    /// <summary>Ingests <paramref name="day"/>'s papers and posts its digest; failures are logged, never thrown.</summary>
    public async Task PostAsync(string channelId, DateOnly day, CancellationToken cancellationToken)
    {
        try
        {
            var report = await ingestion.IngestAsync(new IngestRequest(["hf"], day), cancellationToken: cancellationToken);
            foreach (var failure in report.Failures) log.LogWarning("Digest ingest: {Failure}", failure);
            var digest = await digests.CreateAsync(new DigestRequest(day, Interests: await channelInterests.ForAsync(channelId, cancellationToken)), cancellationToken);
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
