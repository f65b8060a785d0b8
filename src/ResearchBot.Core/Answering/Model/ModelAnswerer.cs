using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using Microsoft.SemanticKernel;
using ResearchBot.Answering.Sources;
using ResearchBot.Answering.Tools;
using ResearchBot.ChatClients;
using ResearchBot.Prompts;
using ResearchBot.Retrieval;
using ResearchBot.Storage;

namespace ResearchBot.Answering.Model;

/// <summary>
/// Steps 4–5 with a model: renders the GroundedAnswer prompt with the numbered sources inside their delimiters,
/// offers search_papers/get_paper as tools, and streams the reply.
/// </summary>
public sealed class ModelAnswerer(IChatClient chat, ChatPrompt prompt, Kernel kernel, IPaperSearch search, IPaperStore store, ChatSettings settings, TimeProvider time)
{
    /// <summary>Streams the answer's text pieces; <paramref name="run"/> collects the text and usage.</summary>
    public async IAsyncEnumerable<string> StreamAsync(string question, SourceList sources, ModelRun run,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var today = DateOnly.FromDateTime(time.GetLocalNow().DateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var (messages, options) = await prompt.RenderAsync(PromptNames.GroundedAnswer, new Dictionary<string, object?>
        {
            ["question"] = SourceFormatter.Defuse(question),
            ["sources"] = SourceFormatter.Format(sources.Items, AbstractBudget(sources.Count)),
            ["today"] = today,
        }, cancellationToken);

        var tools = new PaperTools(search, store, sources, settings.MaxToolCalls);
        if (settings.MaxToolCalls > 0)
        {
            options.Tools = [.. tools.AsKernelFunctions(kernel)];
            options.ToolMode = ChatToolMode.Auto;
        }

        await foreach (var update in chat.GetStreamingResponseAsync(messages, options, cancellationToken))
        {
            foreach (var usage in update.Contents.OfType<UsageContent>())
                run.AddUsage(usage.Details.InputTokenCount, usage.Details.OutputTokenCount, usage.Details.TotalTokenCount);
            var text = update.Text;
            if (string.IsNullOrEmpty(text)) continue;
            run.Text.Append(text);
            yield return text;
        }
        run.ToolCalls = tools.Calls;
    }

    /// <summary>Characters per abstract so the sources take at most about 60% of the context window (300..2000).</summary>
    private int AbstractBudget(int count) => Math.Clamp(settings.ContextTokens * 4 * 6 / 10 / Math.Max(1, count), 300, 2000);
}
