using System.Globalization;
using Microsoft.Extensions.Logging;
using ResearchBot.BotState;
using ResearchBot.Discord.Rest;
using ResearchBot.Discord.Rest.Models;
using ResearchBot.Storage;

namespace ResearchBot.Discord.Bot.Autocomplete;

/// <summary>
/// Autocomplete (interaction type 8 responses, at most 25 choices): matching titles for <c>/paper id</c> (the value is the
/// paper id), the days in the store for <c>/digest date</c> (newest first, filtered by what is typed), and the channel's
/// phrases for <c>/unsubscribe phrase</c>.
/// </summary>
public sealed class AutocompleteHandler(
    DiscordRestClient rest, TitleCatalog titles, IPaperStore store, ISubscriptionRepository subscriptions, TimeProvider time, ILogger<AutocompleteHandler> log)
{
    /// <summary>How long the suggestions may take: Discord drops an autocomplete answered after 3 s. Past it the answer has no
    /// choices (a first lookup over a large store keeps loading the titles for the next keystroke).</summary>
    public static readonly TimeSpan Budget = TimeSpan.FromSeconds(2.5);

    public async Task HandleAsync(IncomingInteraction interaction, CancellationToken cancellationToken)
    {
        var typed = interaction.FocusedOption is { } focused ? interaction.Option(focused) ?? "" : "";
        IReadOnlyList<AutocompleteChoice> choices;
        try
        {
            choices = await SuggestAsync(interaction, typed, cancellationToken).WaitAsync(Budget, time, cancellationToken);
        }
        catch (TimeoutException)
        {
            log.LogInformation("Autocomplete for /{Command} took longer than {Budget}; answered with no choices", interaction.CommandName, Budget);
            choices = [];
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            log.LogWarning("Autocomplete for /{Command} failed: {Error}", interaction.CommandName, ex.Message);
            choices = [];
        }
        try
        {
            await rest.CreateInteractionResponseAsync(interaction.Id, interaction.Token,
                new InteractionResponse(InteractionResponse.AutocompleteResult, new AutocompleteResult(choices)), cancellationToken);
        }
        catch (DiscordApiException ex) when (ex.IsStaleInteraction)
        {
            log.LogDebug("Autocomplete expired: {Error}", ex.Message);
        }
    }

    private async Task<IReadOnlyList<AutocompleteChoice>> SuggestAsync(IncomingInteraction interaction, string typed, CancellationToken cancellationToken) =>
            (interaction.CommandName, interaction.FocusedOption) switch
            {
                ("paper", "id") => (await titles.MatchAsync(typed, ComponentLimits.AutocompleteChoices, cancellationToken))
                    .Select(e => new AutocompleteChoice($"{e.Title} ({e.Day:yyyy-MM-dd})", e.Id)).ToList(),
                ("digest", "date") => await DaysAsync(typed, cancellationToken),
                ("unsubscribe", "phrase") => (await subscriptions.ForChannelAsync(interaction.ChannelId ?? interaction.UserId, cancellationToken))
                    .Where(s => s.Phrase.Contains(typed.Trim(), StringComparison.OrdinalIgnoreCase))
                    .Take(ComponentLimits.AutocompleteChoices).Select(s => new AutocompleteChoice(s.Phrase, s.Phrase)).ToList(),
                _ => [],
            };

    private async Task<IReadOnlyList<AutocompleteChoice>> DaysAsync(string typed, CancellationToken cancellationToken) =>
        (await store.GetListingDaysAsync(cancellationToken))
            .OrderDescending()
            .Select(d => (Day: d, Text: d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)))
            .Where(d => d.Text.StartsWith(typed.Trim(), StringComparison.Ordinal) || d.Day.ToString("dddd d MMMM", CultureInfo.InvariantCulture).Contains(typed.Trim(), StringComparison.OrdinalIgnoreCase))
            .Take(ComponentLimits.AutocompleteChoices)
            .Select(d => new AutocompleteChoice($"{d.Text} · {d.Day.ToString("dddd", CultureInfo.InvariantCulture)}", d.Text))
            .ToList();
}
