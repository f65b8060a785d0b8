using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ResearchBot.Answering;
using ResearchBot.ChatClients;
using ResearchBot.Digest;
using ResearchBot.Prompts;

namespace ResearchBot.Core.Tests.Answering;

public sealed class AddAnsweringTests
{
    [Fact]
    public void Offline_by_default_registers_the_services_without_a_chat_client()
    {
        using var harness = new AnswerHarness();

        Assert.IsType<AnswerService>(harness.Services.GetRequiredService<IAnswerService>());
        Assert.IsType<DigestService>(harness.Services.GetRequiredService<IDigestService>());
        Assert.Null(harness.Services.GetService<IChatClient>());
        Assert.Equal(ChatProvider.Offline, harness.Services.GetRequiredService<ChatSettings>().Provider);
    }

    [Fact]
    public void A_configured_provider_registers_a_chat_client_whose_description_hides_the_key()
    {
        using var harness = new AnswerHarness(AnswerHarness.OpenAi(new Uri("http://127.0.0.1:9/v1")));

        Assert.NotNull(harness.Services.GetService<IChatClient>());
        var settings = harness.Services.GetRequiredService<ChatSettings>();
        Assert.Equal("sk-test-secret", settings.ApiKey);
        Assert.DoesNotContain("sk-test-secret", settings.Describe());
        Assert.DoesNotContain("sk-test-secret", settings.ToString());
    }

    [Fact]
    public void Ollama_is_built_with_OllamaSharp()
    {
        var client = ChatClientFactory.Create(new ChatSettings { Provider = ChatProvider.Ollama, Model = "llama3.2", Endpoint = "http://127.0.0.1:9" });

        Assert.NotNull(client!.GetService<OllamaSharp.OllamaApiClient>());
    }

    [Fact]
    public void A_broken_prompt_directory_fails_at_start_naming_the_file()
    {
        var dir = Directory.CreateTempSubdirectory("rb-prompts-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(dir, "GroundedAnswer"));
            File.WriteAllText(Path.Combine(dir, "GroundedAnswer", "config.json"), "{}");
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Prompts:Directory"] = dir }).Build();

            using var provider = new ServiceCollection().AddAnswering(configuration).BuildServiceProvider();

            var error = Assert.Throws<PromptLoadException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

            Assert.Contains(Path.Combine(dir, "GroundedAnswer", "skprompt.txt"), error.Message);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Settings_are_the_bound_options_of_the_container()
    {
        using var harness = new AnswerHarness(new Dictionary<string, string?> { ["Answering:MaxSources"] = "3", ["Digest:TopOfDay"] = "4" });

        Assert.Same(harness.Services.GetRequiredService<IOptions<AnsweringOptions>>().Value, harness.Services.GetRequiredService<AnsweringOptions>());
        Assert.Equal(3, harness.Services.GetRequiredService<AnsweringOptions>().MaxSources);
        Assert.Same(harness.Services.GetRequiredService<IOptions<DigestOptions>>().Value, harness.Services.GetRequiredService<DigestOptions>());
        Assert.Equal(4, harness.Services.GetRequiredService<DigestOptions>().TopOfDay);
        Assert.Same(harness.Services.GetRequiredService<IOptions<ChatSettings>>().Value, harness.Services.GetRequiredService<ChatSettings>());
    }
}
