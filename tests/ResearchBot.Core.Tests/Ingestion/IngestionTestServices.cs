using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.VectorData;
using ResearchBot.Ingestion;
using ResearchBot.Storage;

namespace ResearchBot.Tests.Ingestion;

/// <summary>The ingestion services as the app registers them, pointed at a local test server with tiny retry delays.</summary>
internal static class IngestionTestServices
{
    public static ServiceProvider Build(Uri baseUrl, FakePaperStore? store = null, TimeProvider? time = null, IDictionary<string, string?>? overrides = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Sources:HuggingFace:BaseUrl"] = baseUrl.ToString(),
            ["Sources:HuggingFace:Timeout"] = "00:00:05",
            ["Sources:HuggingFace:MaxRetries"] = "2",
            ["Sources:HuggingFace:RetryDelay"] = "00:00:00.010",
            ["Sources:Arxiv:BaseUrl"] = baseUrl.ToString(),
            ["Sources:Arxiv:Timeout"] = "00:00:05",
            ["Sources:Arxiv:MaxRetries"] = "2",
            ["Sources:Arxiv:RetryDelay"] = "00:00:00.010",
            ["Sources:Arxiv:PauseBetweenCalls"] = "00:00:00.010",
            ["Sources:Arxiv:PageSize"] = "2",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            if (value is null) settings.Remove(key); // null: leave the setting out, so the option keeps its default
            else settings[key] = value;
        }
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

        var services = new ServiceCollection();
        if (time is not null) services.AddSingleton(time);
        var papers = store ?? new FakePaperStore();
        services.AddSingleton(papers);
        services.AddSingleton<VectorStoreCollection<string, PaperRecord>>(new FakePaperCollection(papers));
        services.AddPaperIngestion(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
