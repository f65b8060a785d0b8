using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ResearchBot.Answering.References;
using ResearchBot.Configuration;
using ResearchBot.Discord.Bot;
using ResearchBot.Discord.Gateway;
using ResearchBot.Discord.Guilds;
using ResearchBot.Discord.Health;
using ResearchBot.Discord.Rest;
using ResearchBot.Ingestion.Scheduling;
using ResearchBot.Storage.BotState;
using ResearchBot.Telemetry;

namespace ResearchBot.Discord;

/// <summary>Registers the Discord bot.</summary>
public static class DiscordServiceCollectionExtensions
{
    /// <summary>
    /// Adds the bot and its hosted services, with <see cref="DiscordOptions"/> from the <c>Discord</c> section. The answering,
    /// search, store, digest and ingestion services must be registered too.
    /// </summary>
    public static IServiceCollection AddDiscordBot(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<DiscordOptions, DiscordOptionsValidator>(configuration, DiscordOptions.Section);
        services.AddOptions<HostOptions>().Configure<IOptions<DiscordOptions>>((host, discord) =>
        {
            var needed = discord.Value.ShutdownGrace + TimeSpan.FromSeconds(10);
            if (host.ShutdownTimeout < needed) host.ShutdownTimeout = needed;
        });
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IGatewayRandom, SystemGatewayRandom>();
        services.TryAddSingleton<IExitCode, ProcessExitCode>();

        services.AddHttpClient<DiscordRestClient>((sp, http) =>
                http.BaseAddress = new Uri(sp.GetRequiredService<IOptions<DiscordOptions>>().Value.ApiBaseUrl.TrimEnd('/') + "/"))
            .AddHttpMessageHandler(sp => new RateLimitHandler(sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<RateLimitHandler>>(), sp.GetRequiredService<ResearchBotMetrics>()))
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            .RemoveAllLoggers();

        services.AddBotState(configuration);
        services.AddResearchBotMetrics();
        services.AddScheduledIngest(configuration);
        services.AddBotHealth(configuration);
        services.AddSingleton<ServerSettings>();
        services.AddSingleton<TokenBudget>();
        services.AddSingleton<SettingsCommand>();
        services.AddDiscordBotInteractions();
        services.AddSingleton<BotIdentity>();
        services.AddSingleton<ConversationStore>();
        services.TryAddSingleton<ReferenceResolver>();
        services.AddSingleton<AnswerThrottle>();
        services.AddSingleton<InFlightTracker>();
        services.AddSingleton<AnswerStreamer>();
        services.AddSingleton<MessageHandler>();
        services.AddSingleton<InteractionHandler>();
        services.AddSingleton<IGatewayEventHandler, BotEventHandler>();
        services.AddSingleton<GatewayClient>();
        services.AddHostedService<DiscordBotService>();
        services.AddHostedService<DigestScheduler>();
        return services;
    }
}
