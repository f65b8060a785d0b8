using ResearchBot.Answering.Model;
using ResearchBot.ChatClients;

namespace ResearchBot.Core.Tests.Answering;

public sealed class ToolRefusalTests
{
    [Theory]
    [InlineData("registry.ollama.ai/library/gemma2:2b does not support tools")]
    [InlineData("Model phi3 does not support tool calling")]
    [InlineData("Tools are not supported for this model")]
    [InlineData("\"auto\" tool choice requires --enable-auto-tool-choice and --tool-call-parser to be set")]
    public void A_refusal_is_recognised_inside_a_provider_error(string message)
    {
        var error = new ChatProviderException("The language model (OpenAI model 'x' at y) failed: HTTP 400", new InvalidOperationException(message));

        Assert.True(ToolRefusal.IsRefusal(error));
    }

    [Theory]
    [InlineData("HTTP 400: context length exceeded")]
    [InlineData("HTTP 500 (server error; retries exhausted)")]
    [InlineData("the tools you asked for are ready")]
    public void Other_errors_are_not_refusals(string message) =>
        Assert.False(ToolRefusal.IsRefusal(new ChatProviderException(message)));
}
