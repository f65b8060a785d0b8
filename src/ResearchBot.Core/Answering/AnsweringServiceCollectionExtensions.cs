using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
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
    /// the configured <see cref="IChatClient"/> (offline, <c>GetService&lt;IChatClient&gt;()</c> is null). Every setting comes
    /// from <see cref="IOptions{TOptions}"/> and every logger from the container. The prompts are loaded and checked when the
    /// host starts (<c>ValidateOnStart</c>), so a broken prompt file fails there with a <see cref="PromptLoadException"/> naming the file.
    /// </summary>
    public static IServiceCollection AddAnswering(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddAnsweringSettings(configuration);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PromptOptions>, PromptFilesValidator>());
        services.AddLogging();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<ChatSettings>>().Value);
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<AnsweringOptions>>().Value);
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<DigestOptions>>().Value);
        services.AddSingleton(sp => PromptLibrary.Load(PromptDirectory.Resolve(sp.GetRequiredService<IOptions<PromptOptions>>().Value.Directory)));
        services.AddSingleton(_ => new Kernel());
        services.AddSingleton<ChatPrompt>();
        services.AddSingleton<DateFilterParser>();
        services.AddSingleton<OfflineAnswerer>();
        services.AddSingleton(sp => ChatClientFactory.Create(sp.GetRequiredService<ChatSettings>(), sp.GetRequiredService<ILoggerFactory>())!);
        services.AddSingleton<ModelAnswerer>();
        services.AddSingleton<ModelDigestWriter>();
        services.AddSingleton(sp => new QuestionCondenser(sp.GetService<IChatClient>(), sp.GetRequiredService<ChatPrompt>(), sp.GetRequiredService<ILogger<QuestionCondenser>>()));
        services.AddSingleton<SourceRetriever>();
        services.AddSingleton<ReferenceResolver>();
        services.AddSingleton<IAnswerService>(sp => new AnswerService(
            sp.GetRequiredService<QuestionCondenser>(), sp.GetRequiredService<DateFilterParser>(), sp.GetRequiredService<SourceRetriever>(),
            sp.GetRequiredService<OfflineAnswerer>(), UsesModel(sp) ? sp.GetRequiredService<ModelAnswerer>() : null,
            sp.GetRequiredService<AnsweringOptions>(), sp.GetRequiredService<ILogger<AnswerService>>(), sp.GetRequiredService<ReferenceResolver>()));
        services.AddSingleton<IDigestService>(sp => new DigestService(
            sp.GetRequiredService<IPaperStore>(), UsesModel(sp) ? sp.GetRequiredService<ModelDigestWriter>() : null, sp.GetRequiredService<DigestOptions>()));
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

    private static bool UsesModel(IServiceProvider sp) => sp.GetRequiredService<ChatSettings>().UsesModel;
}
