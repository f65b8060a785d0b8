using System.Text;
using Microsoft.Extensions.Logging;
using ResearchBot.BotState;
using ResearchBot.Digest.Ranking;
using ResearchBot.Discord.Rest;
using ResearchBot.Discord.Rest.Models;
using ResearchBot.Papers;
using ResearchBot.Storage;

namespace ResearchBot.Discord.Bot.Subscriptions;

/// <summary>
/// After an ingest: for each channel with subscriptions, the papers listed on or after a subscription's day that match its
/// phrase (as a digest interest matches: the phrase's words in order in the title or abstract, stemmed) and were not posted
/// there yet are posted in one message — links only, no previews, pinging nobody — and remembered as posted.
/// </summary>
public sealed class SubscriptionNotifier(ISubscriptionRepository subscriptions, IPaperStore store, DiscordRestClient rest, ILogger<SubscriptionNotifier> log)
{
    /// <summary>Suppresses link previews on a message.</summary>
    private const int SuppressEmbeds = 1 << 2;

    private readonly SemaphoreSlim _running = new(1, 1);

    /// <summary>Posts the new matching papers to every subscribed channel; returns how many messages were posted. Never throws for one channel's failure.</summary>
    public async Task<int> NotifyAsync(CancellationToken cancellationToken)
    {
        await _running.WaitAsync(cancellationToken);
        try
        {
            var all = await subscriptions.AllAsync(cancellationToken);
            if (all.Count == 0) return 0;
            var days = await store.GetListingDaysAsync(cancellationToken);
            var byDay = new Dictionary<DateOnly, IReadOnlyList<Paper>>();
            var posted = 0;
            foreach (var channel in all.GroupBy(s => s.ChannelId))
            {
                try
                {
                    if (await NotifyChannelAsync(channel.Key, channel.ToList(), days, byDay, cancellationToken)) posted++;
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    log.LogWarning("Could not post new papers to channel {Channel}: {Error}", channel.Key, ex.Message);
                }
            }
            return posted;
        }
        finally { _running.Release(); }
    }

    private async Task<bool> NotifyChannelAsync(string channelId, IReadOnlyList<ChannelSubscription> subs, IReadOnlyList<DateOnly> days,
        Dictionary<DateOnly, IReadOnlyList<Paper>> byDay, CancellationToken cancellationToken)
    {
        var already = await subscriptions.PostedAsync(channelId, cancellationToken);
        var matches = new List<(Paper Paper, List<string> Phrases)>();
        foreach (var day in days.OrderDescending())
        {
            var open = subs.Where(s => s.Since is null || day >= s.Since).ToList();
            if (open.Count == 0) continue;
            if (!byDay.TryGetValue(day, out var papers)) byDay[day] = papers = await store.GetListedOnAsync(day, cancellationToken);
            foreach (var paper in papers)
            {
                if (already.Contains(paper.Id) || matches.Any(m => m.Paper.Id == paper.Id)) continue;
                var phrases = open.Where(s => new InterestMatcher([s.Phrase]).Score(paper) > 0).Select(s => s.Phrase).ToList();
                if (phrases.Count > 0) matches.Add((paper, phrases));
            }
        }
        if (matches.Count == 0) return false;
        await rest.CreateMessageAsync(channelId, new OutgoingMessage(Batch(matches)) { Flags = SuppressEmbeds }, cancellationToken);
        await subscriptions.MarkPostedAsync(channelId, matches.Select(m => m.Paper.Id), cancellationToken);
        log.LogInformation("Posted {Count} new papers to channel {Channel}", matches.Count, channelId);
        return true;
    }

    /// <summary>One message: a header, one line per paper (title linked, the phrases it matched), and "… and N more" when it would pass 2,000 characters.</summary>
    internal static string Batch(IReadOnlyList<(Paper Paper, List<string> Phrases)> matches)
    {
        var header = $"**New papers for this channel's subscriptions** ({matches.Count}):\n";
        var text = new StringBuilder(header);
        var shown = 0;
        foreach (var (paper, phrases) in matches)
        {
            var line = "\n" + SourcesEmbed.Line(new ResearchBot.Answering.AnswerSource(shown + 1, paper.Id, paper.Title, PaperLinks.Url(paper), paper.Date))
                + " — " + string.Join(", ", phrases.Select(p => $"*{p}*"));
            var rest = matches.Count - shown - 1;
            var tail = rest > 0 ? $"\n… and {rest} more (see /digest)" : "";
            if (text.Length + line.Length + tail.Length > EmbedLimits.MessageContent - 40) break;
            text.Append(line);
            shown++;
        }
        if (shown < matches.Count) text.Append($"\n… and {matches.Count - shown} more (see /digest)");
        return text.ToString();
    }
}
