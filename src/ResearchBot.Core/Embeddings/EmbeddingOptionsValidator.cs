using Microsoft.Extensions.Options;
using ResearchBot.Configuration;

namespace ResearchBot.Embeddings;

/// <summary>Checks the <c>Embeddings</c> section (with <c>Embeddings:Offline</c>) at start.</summary>
public sealed class EmbeddingOptionsValidator : IValidateOptions<EmbeddingOptions>
{
    /// <summary>The providers <see cref="EmbeddingServiceCollectionExtensions.Create"/> knows.</summary>
    public static readonly string[] Providers = ["Offline", "OpenAI", "Ollama"];

    /// <summary>The most dimensions a vector may have (far above any embedding model's).</summary>
    public const int MaxDimensions = 65_536;

    public ValidateOptionsResult Validate(string? name, EmbeddingOptions o)
    {
        var checks = new SettingChecks(EmbeddingOptions.Section)
            .Require(Providers.Contains(o.Provider?.Trim(), StringComparer.OrdinalIgnoreCase), nameof(o.Provider), $"'{o.Provider}' is not one of {string.Join(", ", Providers)}")
            .Url(nameof(o.Endpoint), o.Endpoint)
            .BetweenWhenSet(nameof(o.Dimensions), o.Dimensions, 1, MaxDimensions)
            .Between(nameof(o.BatchSize), o.BatchSize, 1, 100_000);
        var offline = o.Offline ?? new OfflineEmbeddingOptions();
        checks
            .Between("Offline:Dimensions", offline.Dimensions, 1, MaxDimensions)
            .Between("Offline:MinGram", offline.MinGram, 1, 32)
            .Between("Offline:MaxGram", offline.MaxGram, 1, 32)
            .Require(offline.MinGram <= offline.MaxGram, "Offline:MinGram", $"must not be greater than Embeddings:Offline:MaxGram ({offline.MinGram} > {offline.MaxGram})")
            .AtLeast("Offline:WordWeight", offline.WordWeight, 0)
            .AtLeast("Offline:CharGramWeight", offline.CharGramWeight, 0)
            .AtLeast("Offline:PairWeight", offline.PairWeight, 0)
            .Require(offline.WordWeight + offline.CharGramWeight + offline.PairWeight > 0, "Offline:WordWeight",
                "and Embeddings:Offline:CharGramWeight and PairWeight cannot all be 0 (every vector would be empty)");
        return checks.Result();
    }
}
