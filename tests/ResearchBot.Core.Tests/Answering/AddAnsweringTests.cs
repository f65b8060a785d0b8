using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
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
    public void A_broken_prompt_directory_fails_at_registration_naming_the_file()
    {
        var dir = Directory.CreateTempSubdirectory("rb-prompts-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(dir, "GroundedAnswer"));
            File.WriteAllText(Path.Combine(dir, "GroundedAnswer", "config.json"), "{}");
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Prompts:Directory"] = dir }).Build();

            var error = Assert.Throws<PromptLoadException>(() => new ServiceCollection().AddAnswering(configuration));

            Assert.Contains(Path.Combine(dir, "GroundedAnswer", "skprompt.txt"), error.Message);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
