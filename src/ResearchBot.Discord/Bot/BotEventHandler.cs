using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ResearchBot.Discord.Bot.Autocomplete;
using ResearchBot.Discord.Bot.Components;
using ResearchBot.Discord.Bot.Feedback;
using ResearchBot.Discord.Gateway;
using ResearchBot.Discord.Rest;

namespace ResearchBot.Discord.Bot;

/// <summary>Routes gateway events to the bot: READY registers the slash commands, messages and interactions are answered
/// on their own tasks so the gateway keeps reading.</summary>
public sealed class BotEventHandler(
    BotIdentity bot,
    MessageHandler messages,
    InteractionHandler interactions,
    ComponentHandler components,
    AutocompleteHandler autocomplete,
    ReactionHandler reactions,
    DiscordRestClient rest,
    InFlightTracker inFlight,
    IOptions<DiscordOptions> options,
    ILogger<BotEventHandler> log) : IGatewayEventHandler
{
    private int _registered;

    public ValueTask HandleAsync(GatewayDispatch dispatch, CancellationToken cancellationToken)
    {
        switch (dispatch.Type)
        {
            case "READY":
                bot.Set(dispatch.Data.GetProperty("user").GetProperty("id").GetString()!, dispatch.Data.GetProperty("application").GetProperty("id").GetString()!);
                if (Interlocked.Exchange(ref _registered, 1) == 0) inFlight.Run("Registering slash commands", RegisterCommandsAsync);
                break;
            case "MESSAGE_CREATE":
                var message = IncomingMessage.Parse(dispatch.Data);
                if (messages.IsForBot(message)) inFlight.Run("Answering a message", ct => messages.HandleAsync(message, ct));
                break;
            case "INTERACTION_CREATE":
                var interaction = IncomingInteraction.Parse(dispatch.Data);
                if (interaction.IsComponent) inFlight.Run("A button click", ct => components.HandleAsync(interaction, ct));
                else if (interaction.IsAutocomplete) inFlight.Run($"Autocomplete for /{interaction.CommandName}", ct => autocomplete.HandleAsync(interaction, ct));
                else inFlight.Run($"/{interaction.CommandName}", ct => interactions.HandleAsync(interaction, ct));
                break;
            case "MESSAGE_REACTION_ADD" or "MESSAGE_REACTION_REMOVE":
                var reaction = ReactionEvent.Parse(dispatch.Data);
                var added = dispatch.Type == "MESSAGE_REACTION_ADD";
                if (ReactionHandler.VoteOf(reaction.Emoji) is not null) inFlight.Run("Feedback", ct => reactions.HandleAsync(reaction, added, ct));
                break;
        }
        return ValueTask.CompletedTask;
    }

    private async Task RegisterCommandsAsync(CancellationToken cancellationToken)
    {
        var guild = options.Value.GuildId?.ToString();
        try
        {
            await rest.OverwriteCommandsAsync(bot.ApplicationId, guild, SlashCommands.All, cancellationToken);
        }
        catch (DiscordApiException ex)
        {
            log.LogError("Could not register the slash commands (was the bot invited with the applications.commands scope, and is Discord:GuildId right?): {Error}", ex.Message);
            return;
        }
        log.LogInformation("Registered {Count} slash commands {Scope}", SlashCommands.All.Count, guild is null ? "globally" : $"in guild {guild}");
    }
}
