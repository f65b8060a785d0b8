using System.Net.Http.Headers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using ResearchBot.Configuration;

namespace ResearchBot.Ingestion;

/// <summary>Registers paper ingestion: parsers, format detection, the online clients with standard resilience, and <see cref="IIngestionService"/>.</summary>
public static class IngestionServiceCollectionExtensions
{
    private static readonly ProductInfoHeaderValue UserAgent = new("ResearchBot", "1.0");

    /// <summary>
    /// Adds ingestion. Options are bound from <c>Sources:HuggingFace</c> and <c>Sources:Arxiv</c>. The papers' VectorData collection (<c>AddPaperStore</c>)
    /// must be registered separately.
    /// </summary>
    public static IServiceCollection AddPaperIngestion(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddValidatedOptions(configuration, HuggingFaceOptions.SectionName, new HttpSourceOptionsValidator<HuggingFaceOptions>(HuggingFaceOptions.SectionName));
        services.AddValidatedOptions(configuration, ArxivOptions.SectionName, new HttpSourceOptionsValidator<ArxivOptions>(ArxivOptions.SectionName));

        services.TryAddSingleton<DailyPageParser>();
        services.TryAddSingleton<HuggingFaceJsonParser>();
        services.TryAddSingleton<ArxivAtomParser>();
        services.TryAddSingleton<JsonLinesParser>();
        services.AddSingleton<IPaperParser>(sp => sp.GetRequiredService<ArxivAtomParser>());
        services.AddSingleton<IPaperParser>(sp => sp.GetRequiredService<HuggingFaceJsonParser>());
        services.AddSingleton<IPaperParser>(sp => sp.GetRequiredService<JsonLinesParser>());
        services.AddSingleton<IPaperParser>(sp => sp.GetRequiredService<DailyPageParser>());
        services.TryAddSingleton<PaperFormatDetector>();
        services.TryAddSingleton<PaperFileReader>();

        AddSourceClient<HuggingFaceDailyClient, HuggingFaceOptions>(services);
        AddSourceClient<ArxivClient, ArxivOptions>(services);

        services.TryAddTransient<IIngestionService, IngestionService>();
        return services;
    }

    private static void AddSourceClient<TClient, TOptions>(IServiceCollection services)
        where TClient : class
        where TOptions : HttpSourceOptions
    {
        services.AddHttpClient<TClient>((sp, http) =>
            {
                var options = sp.GetRequiredService<IOptions<TOptions>>().Value;
                var baseUrl = options.BaseUrl.ToString();
                http.BaseAddress = new Uri(baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/");
                http.Timeout = Timeout.InfiniteTimeSpan; // the resilience handler owns timeouts
                http.DefaultRequestHeaders.UserAgent.Add(UserAgent);
            })
            .AddStandardResilienceHandler()
            .Configure((resilience, sp) => HttpSourceResilience.Apply(sp.GetRequiredService<IOptions<TOptions>>().Value, resilience));
    }
}
