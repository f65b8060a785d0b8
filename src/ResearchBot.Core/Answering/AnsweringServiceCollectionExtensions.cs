using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using ResearchBot.Answering.Condensing;
using ResearchBot.Answering.Dates;
using ResearchBot.Answering.Model;
using ResearchBot.Answering.Offline;
using ResearchBot.Answering.References;
using ResearchBot.Answering.Retrieval;
using ResearchBot.ChatClients;
using ResearchBot.Configuration;
using ResearchBot.Digest;
using ResearchBot.Prompts;
using ResearchBot.Retrieval;
using ResearchBot.Storage;

namespace ResearchBot.Answering;

/// <summary>Registers the answer and digest services. <see cref="IPaperSearch"/> and <see cref="IPaperStore"/> are registered elsewhere.</summary>
public static class AnsweringServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="IAnswerService"/>, <see cref="IDigestService"/> and, unless <c>Chat:Provider</c> is <c>Offline</c>,
    /// the configured <see cref="IChatClient"/>. Prompts are loaded here, so a broken prompt file fails at start with a
    /// <see cref="PromptLoadException"/> naming the file.
    /// </summary>
    public static IServiceCollection AddAnswering(this IServiceCollection services, IConfiguration configuration)
    {
        var chat = configuration.GetSection(ChatSettings.Section).Get<ChatSettings>() ?? new ChatSettings();
        var answering = configuration.GetSection(AnsweringOptions.Section).Get<AnsweringOptions>() ?? new AnsweringOptions();
        var digest = configuration.GetSection(DigestOptions.Section).Get<DigestOptions>() ?? new DigestOptions();
        var promptOptions = configuration.GetSection(PromptOptions.Section).Get<PromptOptions>() ?? new PromptOptions();
        var prompts = PromptLibrary.Load(PromptDirectory.Resolve(promptOptions.Directory));

        services.AddAnsweringSettings(configuration);
        services.AddLogging();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(chat);
        services.AddSingleton(answering);
        services.AddSingleton(digest);
        services.AddSingleton(prompts);
        services.AddSingleton(_ => new Kernel());
        services.AddSingleton<ChatPrompt>();
        services.AddSingleton<DateFilterParser>();
        services.AddSingleton<OfflineAnswerer>();
        if (chat.UsesModel)
        {
            services.AddSingleton(sp => ChatClientFactory.Create(chat, sp.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance)!);
            services.AddSingleton<ModelAnswerer>();
            services.AddSingleton<ModelDigestWriter>();
        }
        services.AddSingleton(sp => new QuestionCondenser(sp.GetService<IChatClient>(), sp.GetRequiredService<ChatPrompt>(), Logger<QuestionCondenser>(sp)));
        services.AddSingleton<SourceRetriever>();
        services.AddSingleton<ReferenceResolver>();
        services.AddSingleton<IAnswerService>(sp => new AnswerService(
            sp.GetRequiredService<QuestionCondenser>(), sp.GetRequiredService<DateFilterParser>(), sp.GetRequiredService<SourceRetriever>(),
            sp.GetRequiredService<OfflineAnswerer>(), sp.GetService<ModelAnswerer>(),
            answering, Logger<AnswerService>(sp), sp.GetRequiredService<ReferenceResolver>()));
        services.AddSingleton<IDigestService>(sp => new DigestService(sp.GetRequiredService<IPaperStore>(), sp.GetService<ModelDigestWriter>(), digest));
        return services;
    }

    /// <summary>
    /// Registers the <c>Chat</c>, <c>Answering</c>, <c>Digest</c> and <c>Prompts</c> sections as options validated at start, so a
    /// bad value fails naming its key in every host, also one that answers nothing (<c>search</c>, <c>stats</c>).
    /// </summary>
    public static IServiceCollection AddAnsweringSettings(this IServiceCollection services, IConfiguration configuration)
    {
        if (services.Any(d => d.ServiceType == typeof(IValidateOptions<ChatSettings>))) return services;
        services.AddValidatedOptions<ChatSettings, ChatSettingsValidator>(configuration, ChatSettings.Section);
        services.AddValidatedOptions<AnsweringOptions, AnsweringOptionsValidator>(configuration, AnsweringOptions.Section);
        services.AddValidatedOptions<DigestOptions, DigestOptionsValidator>(configuration, DigestOptions.Section);
        services.AddValidatedOptions<PromptOptions, PromptOptionsValidator>(configuration, PromptOptions.Section);
        return services;
    }

    private static ILogger<T> Logger<T>(IServiceProvider sp) => sp.GetService<ILogger<T>>() ?? NullLogger<T>.Instance;
}
