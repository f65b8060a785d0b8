using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ResearchBot.Answering;
using ResearchBot.Answering.References;
using ResearchBot.BotState;
using ResearchBot.Discord.Bot.Components;
using ResearchBot.Discord.Bot.Feedback;
using ResearchBot.Discord.Bot.Subscriptions;
using ResearchBot.Digest;
using ResearchBot.Discord.Guilds;
using ResearchBot.Discord.Rest;
using ResearchBot.Discord.Rest.Models;
using ResearchBot.Papers;
using ResearchBot.Retrieval;

namespace ResearchBot.Discord.Bot;

/// <summary>Slash commands: deferred at once, then the original response edited with the result.</summary>
public sealed class InteractionHandler(
    DiscordRestClient rest,
    AnswerStreamer streamer,
    AnswerThrottle throttle,
    IPaperSearch search,
    IDigestService digests,
    ConversationStore conversations,
    ReferenceResolver references,
    TokenBudget budget,
    SettingsCommand settings,
    SubscriptionCommands subscriptionCommands,
    FeedbackCommand feedbackCommand,
    ISavedSearchRepository savedSearches,
    ChannelInterests channelInterests,
    TimeProvider time,
    IOptions<DiscordOptions> options,
    ILogger<InteractionHandler> log)
{
    /// <summary>Results kept for a /search (pages of <see cref="SearchPages.PageSize"/>).</summary>
    public const int SearchResults = 25;

    public async Task HandleAsync(IncomingInteraction interaction, CancellationToken cancellationToken)
    {
        if (!interaction.IsCommand) return;
        if (SubscriptionCommands.Handles(interaction.CommandName)) { await subscriptionCommands.HandleAsync(interaction, cancellationToken); return; }
        if (interaction.CommandName == FeedbackCommand.Name) { await feedbackCommand.HandleAsync(interaction, cancellationToken); return; }
        try
        {
            await rest.CreateInteractionResponseAsync(interaction.Id, interaction.Token, InteractionResponse.Deferred, cancellationToken);
        }
        catch (DiscordApiException ex) when (ex.IsStaleInteraction)
        {
            log.LogInformation("/{Command} expired before it was acknowledged: {Error}", interaction.CommandName, ex.Message);
            return;
        }
        var reply = new InteractionReply(rest, interaction.ApplicationId, interaction.Token);
        try
        {
            await (interaction.CommandName switch
            {
                "ask" => AskAsync(interaction, reply, cancellationToken),
                "search" => SearchAsync(interaction, interaction.Option("query") ?? "", reply, cancellationToken),
                "digest" => DigestAsync(interaction, interaction.Option("date"), reply, cancellationToken),
                "paper" => PaperAsync(interaction, interaction.Option("id") ?? "", reply, cancellationToken),
                SettingsCommand.Name => settings.HandleAsync(interaction, reply, cancellationToken),
                _ => reply.NoticeAsync($"I don't know the command /{interaction.CommandName}.", cancellationToken),
            });
        }
        catch (Exception ex) when (ex is not OperationCanceledException && ex is not DiscordApiException)
        {
            log.LogError(ex, "/{Command} failed", interaction.CommandName);
            await reply.NoticeAsync(BotReplies.Failed, cancellationToken);
        }
        catch (DiscordApiException ex) when (ex.IsStaleInteraction)
        {
            log.LogWarning("/{Command} could not be completed: its interaction token expired ({Error})", interaction.CommandName, ex.Message);
        }
    }

    private async Task AskAsync(IncomingInteraction interaction, IReplyTarget reply, CancellationToken cancellationToken)
    {
        var question = (interaction.Option("question") ?? "").Trim();
        var max = options.Value.MaxQuestionLength;
        if (question.Length == 0) { await reply.NoticeAsync(BotReplies.EmptyQuestion, cancellationToken); return; }
        if (question.Length > max) { await reply.NoticeAsync(BotReplies.TooLong(max), cancellationToken); return; }
        var decision = throttle.TryEnter(interaction.UserId, interaction.ChannelId ?? interaction.UserId);
        if (decision.Refusal is { } refusal) { await reply.NoticeAsync(refusal, cancellationToken); return; }
        using var lease = decision.Lease;
        if (!await budget.HasRoomAsync(interaction.GuildId, cancellationToken)) { await reply.NoticeAsync(BotReplies.BudgetSpent, cancellationToken); return; }
        var channel = ChannelOf(interaction);
        var answered = await streamer.StreamAsync(new AskRequest(question, [], Shown: conversations.Shown(channel)), reply, cancellationToken,
            answer => conversations.SetShown(channel, ShownList.After(conversations.Shown(channel), answer)),
            new AnswerOrigin(interaction.Id, interaction.GuildId, channel), "slash");
        await budget.RecordAsync(interaction.GuildId, answered, cancellationToken);
    }

    private async Task SearchAsync(IncomingInteraction interaction, string query, IReplyTarget reply, CancellationToken cancellationToken)
    {
        SearchResults results;
        using (FeedbackScope.Enter(interaction.GuildId))
            results = await search.SearchAsync(new SearchQuery(query.Trim(), SearchResults), cancellationToken);
        var relevant = results.Relevant.ToList();
        var listed = relevant.Select(h => h.Paper.Id).ToList();
        if (listed.Count > 0) conversations.SetShown(ChannelOf(interaction), ShownList.OfSearch(listed));
        var saved = new SavedSearch(interaction.Id, results.Query.Text, interaction.UserId,
            relevant.Select((h, i) => new AnswerSource(i + 1, h.Paper.Id, h.Paper.Title, PaperLinks.Url(h.Paper), h.Paper.Date)).ToList(), results.PapersInRange, time.GetUtcNow());
        if (saved.Results.Count > SearchPages.PageSize) await savedSearches.SaveAsync(saved, cancellationToken);
        await reply.ShowAsync(SearchPages.Message(saved, 0), cancellationToken);
    }

    /// <summary>Where a numbered list was shown: the channel (or thread) of the command, else the user's DM.</summary>
    private static string ChannelOf(IncomingInteraction interaction) => interaction.ChannelId ?? interaction.UserId;

    private async Task DigestAsync(IncomingInteraction interaction, string? date, IReplyTarget reply, CancellationToken cancellationToken)
    {
        DateOnly? day = null;
        if (!string.IsNullOrWhiteSpace(date))
        {
            if (!DateOnly.TryParseExact(date.Trim(), "yyyy-MM-dd", out var parsed))
            {
                await reply.NoticeAsync("Please give the date as YYYY-MM-DD, e.g. 2026-11-20.", cancellationToken);
                return;
            }
            day = parsed;
        }
        var digest = await digests.CreateAsync(new DigestRequest(day, Interests: await channelInterests.ForAsync(ChannelOf(interaction), cancellationToken)), cancellationToken);
        if (digest is null) { await reply.NoticeAsync($"I have no papers listed for {date?.Trim() ?? "any day yet"}.", cancellationToken); return; }
        await reply.DeliverAsync(ResultFormatter.DigestHeader(digest), SourcesEmbed.Build(digest.Sources, "Papers"), cancellationToken);
    }

    private async Task PaperAsync(IncomingInteraction interaction, string reference, IReplyTarget reply, CancellationToken cancellationToken)
    {
        var found = await references.FindPaperAsync(reference, conversations.Shown(ChannelOf(interaction)), cancellationToken);
        if (found.Paper is null) { await reply.NoticeAsync(found.Problem ?? "I don't have that paper.", cancellationToken); return; }
        await reply.DeliverAsync(ResultFormatter.Paper(found.Paper), null, cancellationToken);
    }
}
