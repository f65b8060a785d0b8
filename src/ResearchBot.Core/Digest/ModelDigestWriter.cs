using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using ResearchBot.Answering.Sources;
using ResearchBot.ChatClients;
using ResearchBot.Prompts;

namespace ResearchBot.Digest;

/// <summary>
/// Fills a draft with a model: one-liners from the PaperOneLiner prompt and theme names and intros from the Digest
/// prompt, each sent in parts that fit the context budget and merged by number. Anything the model leaves out keeps
/// its offline text, so every paper still appears exactly once.
/// </summary>
public sealed partial class ModelDigestWriter(IChatClient chat, ChatPrompt prompt, ChatSettings settings, ILogger<ModelDigestWriter> logger)
{
    /// <summary>Fills <paramref name="draft"/> (already filled offline as the fallback).</summary>
    public async Task FillAsync(DigestDraft draft, CancellationToken cancellationToken)
    {
        var budget = Math.Max(1000, settings.ContextTokens / 2) * 4; // characters per part, about half the context window
        foreach (var part in Parts(draft.Items.ToList(), i => PaperBlock(i).Length, budget))
        {
            var papers = string.Join("\n\n", part.Select(PaperBlock));
            var reply = await AskAsync(PromptNames.PaperOneLiner, new() { ["papers"] = papers }, cancellationToken);
            var byN = part.ToDictionary(i => i.N);
            foreach (Match m in OneLinerLine().Matches(reply))
            {
                if (int.TryParse(m.Groups["n"].Value, CultureInfo.InvariantCulture, out var n) && byN.TryGetValue(n, out var item))
                    item.OneLiner = m.Groups["text"].Value.Trim();
            }
        }

        var date = draft.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        foreach (var part in Parts(draft.Themes.ToList(), t => ThemeBlock(t).Length, budget))
        {
            var reply = await AskAsync(PromptNames.Digest, new() { ["date"] = date, ["themes"] = string.Join("\n\n", part.Select(ThemeBlock)) }, cancellationToken);
            var byNumber = part.ToDictionary(t => t.Number);
            foreach (Match m in ThemeLine().Matches(reply))
            {
                if (!int.TryParse(m.Groups["k"].Value, CultureInfo.InvariantCulture, out var k) || !byNumber.TryGetValue(k, out var theme)) continue;
                theme.Name = m.Groups["name"].Value.Trim().Trim('*', '"');
                theme.Intro = m.Groups["intro"].Value.Trim();
            }
        }
    }

    private async Task<string> AskAsync(string name, Dictionary<string, object?> arguments, CancellationToken cancellationToken)
    {
        var (messages, options) = await prompt.RenderAsync(name, arguments, cancellationToken);
        var response = await chat.GetResponseAsync(messages, options, cancellationToken);
        logger.LogDebug("Prompt {Prompt} answered with {Chars} characters", name, response.Text.Length);
        return response.Text;
    }

    /// <summary>Consecutive groups whose total size stays within <paramref name="budget"/> (an oversize item gets a part of its own).</summary>
    internal static IEnumerable<List<T>> Parts<T>(IReadOnlyList<T> items, Func<T, int> size, int budget)
    {
        var part = new List<T>();
        var used = 0;
        foreach (var item in items)
        {
            var s = size(item);
            if (part.Count > 0 && used + s > budget)
            {
                yield return part;
                part = [];
                used = 0;
            }
            part.Add(item);
            used += s;
        }
        if (part.Count > 0) yield return part;
    }

    private static string PaperBlock(DraftItem item)
    {
        var abs = SourceFormatter.Defuse(item.Paper.Abstract.ReplaceLineEndings(" "));
        if (abs.Length > 1500) abs = abs[..1500] + "…";
        return $"[{item.N}] {SourceFormatter.Defuse(item.Paper.Title)}\n{abs}";
    }

    private static string ThemeBlock(DraftTheme theme)
    {
        var sb = new StringBuilder($"Theme {theme.Number} (keywords: {string.Join(", ", theme.Keywords)})");
        foreach (var item in theme.Items) sb.Append($"\n[{item.N}] {item.Paper.Title}: {item.OneLiner}");
        return sb.ToString();
    }

    [GeneratedRegex(@"^\s*[-*]?\s*\[(?<n>\d+)\]\s*[:\-–]?\s*(?<text>.+?)\s*$", RegexOptions.Multiline)]
    private static partial Regex OneLinerLine();

    [GeneratedRegex(@"^\s*[-*]?\s*\**Theme\s+(?<k>\d+)\**\s*:\s*(?<name>[^|\n]+?)\s*\|\s*(?<intro>.+?)\s*$", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex ThemeLine();
}
