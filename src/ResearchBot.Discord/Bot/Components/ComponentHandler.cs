using System.Text;
using Microsoft.Extensions.Logging;
using ResearchBot.BotState;
using ResearchBot.Discord.Bot.Feedback;
using ResearchBot.Discord.Rest;
using ResearchBot.Discord.Rest.Models;
using ResearchBot.Papers;
using ResearchBot.Storage;

namespace ResearchBot.Discord.Bot.Components;

/// <summary>
/// Button clicks. The record a button names is read from the store first: an unknown button or a record no longer kept gets a
/// short ephemeral notice. "Sources", "More like this" and "BibTeX" defer with an ephemeral "thinking…" and then edit it;
/// a page turn updates the search message at once — or, for someone other than the searcher (without Manage Messages),
/// shows that page to them alone and leaves the shared message as it is.
/// </summary>
public sealed class ComponentHandler(
    DiscordRestClient rest,
    IPostedAnswerRepository answers,
    ISavedSearchRepository searches,
    IPaperStore store,
    SourceDetails sourceDetails,
    SimilarPapers similar,
    ILogger<ComponentHandler> log)
{
    public const string UnknownButton = "This button no longer works. Ask again or run the command anew.";
    public const string AnswerGone = "I no longer have that answer. Ask the question again to get its sources.";
    public const string SearchGone = "I no longer have that search. Run /search again.";

    public async Task HandleAsync(IncomingInteraction interaction, CancellationToken cancellationToken)
    {
        try
        {
            var id = ComponentId.Parse(interaction.CustomId);
            if (id is null)
            {
                await RespondAsync(interaction, InteractionResponse.Ephemeral(UnknownButton), cancellationToken);
                return;
            }
            if (id.Action == ComponentId.SearchPage) { await PageAsync(interaction, id, cancellationToken); return; }
            if (await answers.GetAsync(id.Key, cancellationToken) is not { } answer)
            {
                await RespondAsync(interaction, InteractionResponse.Ephemeral(AnswerGone), cancellationToken);
                return;
            }
            await RespondAsync(interaction, InteractionResponse.DeferredEphemeral, cancellationToken);
            var reply = new InteractionReply(rest, interaction.ApplicationId, interaction.Token);
            try
            {
                using var scope = FeedbackScope.Enter(answer.GuildId);
                var message = id.Action switch
                {
                    ComponentId.Sources => await sourceDetails.BuildAsync(answer.Sources, cancellationToken),
                    ComponentId.MoreLikeThis => await MoreLikeThisAsync(answer, cancellationToken),
                    _ => await BibTeXAsync(answer, cancellationToken),
                };
                await reply.ShowAsync(message, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException && ex is not DiscordApiException)
            {
                log.LogError(ex, "The {Action} button failed", id.Action);
                await reply.NoticeAsync(BotReplies.Failed, cancellationToken);
            }
        }
        catch (DiscordApiException ex) when (ex.IsStaleInteraction)
        {
            log.LogInformation("A button click expired before it was answered: {Error}", ex.Message);
        }
    }

    private async Task PageAsync(IncomingInteraction interaction, ComponentId id, CancellationToken cancellationToken)
    {
        if (await searches.GetAsync(id.Key, cancellationToken) is not { } search)
        {
            await RespondAsync(interaction, InteractionResponse.Ephemeral(SearchGone), cancellationToken);
            return;
        }
        var page = SearchPages.Message(search, id.Page);
        if (interaction.UserId == search.UserId || interaction.Has(DiscordPermissions.ManageMessages))
        {
            await RespondAsync(interaction, new InteractionResponse(InteractionResponse.UpdateMessage, page), cancellationToken);
            return;
        }
        var own = new OutgoingMessage($"Only the person who searched can turn these pages; here is that page for you.\n\n{page.Content}") { Flags = MessageFlags.Ephemeral };
        await RespondAsync(interaction, new InteractionResponse(InteractionResponse.ChannelMessage, own), cancellationToken);
    }

    private async Task<OutgoingMessage> MoreLikeThisAsync(PostedAnswer answer, CancellationToken cancellationToken)
    {
        var found = await similar.FindAsync(answer.Cited, answer.Sources, cancellationToken);
        if (found.Count == 0) return new OutgoingMessage("I found no other papers close to the ones this answer cites.") { Flags = MessageFlags.Ephemeral };
        var seeds = string.Join(", ", answer.Cited.Take(SimilarPapers.MaxSeeds).Select(s => $"[{s.N}]"));
        var text = new StringBuilder($"Papers close to {seeds}:\n");
        foreach (var source in found) text.Append('\n').Append(SourcesEmbed.Line(source));
        return new OutgoingMessage(text.ToString()) { Flags = MessageFlags.Ephemeral };
    }

    private async Task<OutgoingMessage> BibTeXAsync(PostedAnswer answer, CancellationToken cancellationToken)
    {
        var papers = new List<Paper>();
        foreach (var source in answer.Cited) if (await store.GetAsync(source.Id, cancellationToken) is { } paper) papers.Add(paper);
        if (papers.Count == 0) return new OutgoingMessage("The papers this answer cites are no longer in the store.") { Flags = MessageFlags.Ephemeral };
        var file = new FileAttachment($"researchbot-{answer.Key}.bib", "application/x-bibtex", Encoding.UTF8.GetBytes(BibTex.Write(papers)));
        var count = papers.Count == 1 ? "the paper" : $"the {papers.Count} papers";
        return new OutgoingMessage($"BibTeX for {count} this answer cites:") { Flags = MessageFlags.Ephemeral, Files = [file] };
    }

    private Task RespondAsync(IncomingInteraction interaction, InteractionResponse response, CancellationToken cancellationToken) =>
        rest.CreateInteractionResponseAsync(interaction.Id, interaction.Token, response, cancellationToken);
}
