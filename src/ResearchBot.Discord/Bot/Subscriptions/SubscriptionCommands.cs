using System.Text;
using Microsoft.Extensions.Logging;
using ResearchBot.BotState;
using ResearchBot.Discord.Rest;
using ResearchBot.Discord.Rest.Models;
using ResearchBot.Storage;

namespace ResearchBot.Discord.Bot.Subscriptions;

/// <summary>
/// <c>/subscribe phrase</c>, <c>/unsubscribe phrase</c> (members with Manage Channels, or anyone in a DM) and
/// <c>/subscriptions</c> (anyone). A new subscription starts from the latest listing day, and the papers already listed that
/// day are taken as seen, so only papers that arrive later are posted.
/// </summary>
public sealed class SubscriptionCommands(DiscordRestClient rest, ISubscriptionRepository subscriptions, IPaperStore store, TimeProvider time, ILogger<SubscriptionCommands> log)
{
    public const int MaxPerChannel = 25;
    public const string NeedsManageChannels = "Only members with the **Manage Channels** permission can change this channel's subscriptions.";

    public static bool Handles(string command) => command is "subscribe" or "unsubscribe" or "subscriptions";

    public async Task HandleAsync(IncomingInteraction interaction, CancellationToken cancellationToken)
    {
        var channel = interaction.ChannelId ?? interaction.UserId;
        try
        {
            if (interaction.CommandName != "subscriptions" && !interaction.Has(DiscordPermissions.ManageChannels))
            {
                await rest.CreateInteractionResponseAsync(interaction.Id, interaction.Token, InteractionResponse.Ephemeral(NeedsManageChannels), cancellationToken);
                return;
            }
            await rest.CreateInteractionResponseAsync(interaction.Id, interaction.Token, InteractionResponse.Deferred, cancellationToken);
            var reply = new InteractionReply(rest, interaction.ApplicationId, interaction.Token);
            var phrase = ChannelSubscription.Normalize(interaction.Option("phrase") ?? "");
            var text = interaction.CommandName switch
            {
                "subscribe" => await SubscribeAsync(interaction, channel, phrase, cancellationToken),
                "unsubscribe" => await UnsubscribeAsync(channel, phrase, cancellationToken),
                _ => await ListAsync(channel, cancellationToken),
            };
            await reply.NoticeAsync(text, cancellationToken);
        }
        catch (DiscordApiException ex) when (ex.IsStaleInteraction)
        {
            log.LogInformation("/{Command} expired before it was answered: {Error}", interaction.CommandName, ex.Message);
        }
    }

    private async Task<string> SubscribeAsync(IncomingInteraction interaction, string channel, string phrase, CancellationToken cancellationToken)
    {
        if (phrase.Length == 0) return "Give a phrase to follow, e.g. `/subscribe phrase: KV cache`.";
        if (phrase.Length > ChannelSubscription.MaxPhraseLength) return $"Please keep the phrase under {ChannelSubscription.MaxPhraseLength} characters.";
        var existing = await subscriptions.ForChannelAsync(channel, cancellationToken);
        if (existing.Count >= MaxPerChannel) return $"This channel already follows {MaxPerChannel} phrases; /unsubscribe one first.";
        var days = await store.GetListingDaysAsync(cancellationToken);
        DateOnly? since = days.Count > 0 ? days.Max() : null;
        if (!await subscriptions.AddAsync(new ChannelSubscription(channel, interaction.GuildId, phrase, interaction.UserId, time.GetUtcNow(), since), cancellationToken))
            return $"This channel already follows **{phrase}**.";
        if (since is { } day)
            await subscriptions.MarkPostedAsync(channel, (await store.GetListedOnAsync(day, cancellationToken)).Select(p => p.Id), cancellationToken);
        return $"This channel now follows **{phrase}**: after each ingest I'll post the new papers about it here (one message, no pings), and its /digest ranks them first.";
    }

    private async Task<string> UnsubscribeAsync(string channel, string phrase, CancellationToken cancellationToken)
    {
        var stored = (await subscriptions.ForChannelAsync(channel, cancellationToken)).FirstOrDefault(s => string.Equals(s.Phrase, phrase, StringComparison.OrdinalIgnoreCase));
        return stored is not null && await subscriptions.RemoveAsync(channel, phrase, cancellationToken)
            ? $"This channel no longer follows **{stored.Phrase}**."
            : $"This channel does not follow **{phrase}**. /subscriptions lists what it follows.";
    }

    private async Task<string> ListAsync(string channel, CancellationToken cancellationToken)
    {
        var list = await subscriptions.ForChannelAsync(channel, cancellationToken);
        if (list.Count == 0) return "This channel follows no phrases. Members with Manage Channels can add one with /subscribe.";
        var text = new StringBuilder("This channel follows:\n");
        foreach (var s in list) text.Append($"\n• **{s.Phrase}** (since {s.At:yyyy-MM-dd})");
        return text.ToString();
    }
}
