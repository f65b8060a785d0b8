using System.ClientModel;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OllamaSharp;
using ResearchBot.Configuration;
using OpenAI;

namespace ResearchBot.Embeddings;

/// <summary>Registers the configured <see cref="IEmbeddingGenerator{TInput,TEmbedding}"/>.</summary>
public static class EmbeddingServiceCollectionExtensions
{
    public static IServiceCollection AddEmbeddings(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<EmbeddingOptions, EmbeddingOptionsValidator>(configuration, EmbeddingOptions.Section);
        services.AddSingleton(sp => Create(sp.GetRequiredService<IOptions<EmbeddingOptions>>().Value));
        return services;
    }

    /// <summary>Builds the embedder a configuration names; a missing setting fails with the key's name.</summary>
    public static IEmbeddingGenerator<string, Embedding<float>> Create(EmbeddingOptions o)
    {
        switch (o.Provider.Trim().ToLowerInvariant())
        {
            case "offline":
                return new OfflineEmbeddingGenerator(o.Offline);
            case "openai":
            {
                var model = Require(o.Model, "Embeddings:Model");
                var key = string.IsNullOrEmpty(o.ApiKey) ? Environment.GetEnvironmentVariable("OPENAI_API_KEY") : o.ApiKey;
                var clientOptions = new OpenAIClientOptions();
                if (!string.IsNullOrEmpty(o.Endpoint)) clientOptions.Endpoint = new Uri(o.Endpoint);
                var client = new OpenAIClient(new ApiKeyCredential(Require(key, "Embeddings:ApiKey (or OPENAI_API_KEY)")), clientOptions);
                return client.GetEmbeddingClient(model).AsIEmbeddingGenerator(o.Dimensions);
            }
            case "ollama":
                return new OllamaApiClient(new Uri(o.Endpoint ?? "http://localhost:11434"), Require(o.Model, "Embeddings:Model"));
            default:
                throw new OptionsValidationException(EmbeddingOptions.Section, typeof(EmbeddingOptions),
                    [$"Embeddings:Provider '{o.Provider}' is not one of Offline, OpenAI, Ollama"]);
        }
    }

    private static string Require(string? value, string key) =>
        string.IsNullOrWhiteSpace(value)
            ? throw new OptionsValidationException(key, typeof(EmbeddingOptions), [$"{key} must be set for this embedding provider"])
            : value;
}
