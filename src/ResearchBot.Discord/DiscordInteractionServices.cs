using Microsoft.Extensions.DependencyInjection;
using ResearchBot.Discord.Bot.Autocomplete;
using ResearchBot.Discord.Bot.Components;
using ResearchBot.Discord.Bot.Feedback;
using ResearchBot.Discord.Bot.Subscriptions;
using ResearchBot.Ingestion;
using ResearchBot.Retrieval;

namespace ResearchBot.Discord;

/// <summary>Registers buttons, pages, autocomplete, feedback and subscriptions, and their state in the store.</summary>
public static class DiscordInteractionServices
{
    /// <summary>
    /// Adds the handlers (their state comes from <c>AddBotState</c>), and wraps the registered
    /// <see cref="IPaperSearch"/> (feedback re-ranking) and <see cref="IIngestionService"/> (subscription posts).
    /// </summary>
    public static IServiceCollection AddDiscordBotInteractions(this IServiceCollection services)
    {
        services.AddSingleton<AnswerButtons>();
        services.AddSingleton<SourceDetails>();
        services.AddSingleton<SimilarPapers>();
        services.AddSingleton<ComponentHandler>();
        services.AddSingleton<TitleCatalog>();
        services.AddSingleton<AutocompleteHandler>();
        services.AddSingleton<ReactionHandler>();
        services.AddSingleton<FeedbackCommand>();
        services.AddSingleton<SubscriptionCommands>();
        services.AddSingleton<SubscriptionNotifier>();
        services.AddSingleton<ChannelInterests>();
        Decorate<IPaperSearch>(services, (sp, inner) => ActivatorUtilities.CreateInstance<FeedbackRankedPaperSearch>(sp, inner));
        Decorate<IIngestionService>(services, (sp, inner) => ActivatorUtilities.CreateInstance<NotifyingIngestionService>(sp, inner));
        return services;
    }

    /// <summary>Replaces the last registration of <typeparamref name="T"/> by a wrapper around it (nothing when none is registered).</summary>
    private static void Decorate<T>(IServiceCollection services, Func<IServiceProvider, T, T> wrap) where T : class
    {
        var index = -1;
        for (var i = services.Count - 1; i >= 0 && index < 0; i--) if (services[i].ServiceType == typeof(T) && !services[i].IsKeyedService) index = i;
        if (index < 0) return;
        var inner = services[index];
        services[index] = ServiceDescriptor.Describe(typeof(T), sp => wrap(sp, Resolve<T>(sp, inner)), inner.Lifetime);
    }

    private static T Resolve<T>(IServiceProvider sp, ServiceDescriptor descriptor) where T : class =>
        descriptor.ImplementationInstance as T
        ?? (descriptor.ImplementationFactory is { } factory ? (T)factory(sp) : (T)ActivatorUtilities.CreateInstance(sp, descriptor.ImplementationType!));
}
