using Microsoft.Extensions.Logging;
using ResearchBot.Discord.Bot.Autocomplete;
using ResearchBot.Ingestion;

namespace ResearchBot.Discord.Bot.Subscriptions;

/// <summary>
/// Wraps the ingestion service in the bot's host: after an ingest that stored new or changed papers, the title catalog is
/// refreshed and the subscribed channels get their new papers (<see cref="SubscriptionNotifier"/>), whichever part of the
/// host ingested (the scheduled digest or a scheduled ingest).
/// </summary>
public sealed class NotifyingIngestionService(IIngestionService inner, SubscriptionNotifier notifier, TitleCatalog titles, ILogger<NotifyingIngestionService> log)
    : IIngestionService
{
    public async Task<IngestReport> IngestAsync(IngestRequest request, IProgress<IngestProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var report = await inner.IngestAsync(request, progress, cancellationToken);
        if (report.Added + report.Updated == 0) return report;
        titles.Invalidate();
        try
        {
            await notifier.NotifyAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            log.LogWarning("Could not post new papers to the subscribed channels: {Error}", ex.Message);
        }
        return report;
    }
}
