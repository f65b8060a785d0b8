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
/// prompt, each sent in parts that fit the context budget and merged by number, then one naming pass over every
/// theme (when there was more than one part) so names do not repeat. Replies are read in the usual list formats
/// (<c>[n]</c>, <c>**[n]**</c>, <c>n.</c>, <c>- [n]:</c>). Anything the model leaves out keeps its offline text, and a
/// model that fails part-way leaves the rest offline with a notice, so the digest is always complete.
/// </summary>
public sealed partial class ModelDigestWriter(IChatClient chat, ChatPrompt prompt, ChatSettings settings, ILogger<ModelDigestWriter> logger)
{
    /// <summary>Fills <paramref name="draft"/> (already filled offline as the fallback); adds notices for what stayed offline.</summary>
    public async Task FillAsync(DigestDraft draft, CancellationToken cancellationToken)
    {
        var budget = Math.Max(1000, settings.ContextTokens / 2) * 4; // characters per part, about half the context window
        try
        {
            await OneLinersAsync(draft, budget, cancellationToken);
            await ThemesAsync(draft, budget, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("The model failed while writing the digest: {Reason}", ex.Message);
            draft.Notices.Add($"the model failed part-way ({OneLine(ex.Message)}): the rest of this digest is written offline");
        }
        UniqueNames(draft);
    }

    private async Task OneLinersAsync(DigestDraft draft, int budget, CancellationToken cancellationToken)
    {
        var missing = new List<DraftItem>();
        var parts = Parts(draft.Items.ToList(), i => PaperBlock(i).Length, budget).ToList();
        for (var p = 0; p < parts.Count; p++)
        {
            var part = parts[p];
            string reply;
            try
            {
                reply = await AskAsync(PromptNames.PaperOneLiner, new() { ["papers"] = string.Join("\n\n", part.Select(PaperBlock)) }, cancellationToken);
            }
            catch
            {
                Warn(draft, missing);
                throw;
            }
            var byN = part.ToDictionary(i => i.N);
            var written = new HashSet<int>();
            foreach (var (n, text) in ParseOneLiners(reply))
            {
                if (!byN.TryGetValue(n, out var item) || text.Length < 8) continue;
                item.OneLiner = StripTitle(text, item.Paper.Title);
                written.Add(n);
            }
            missing.AddRange(part.Where(i => !written.Contains(i.N)));
        }
        Warn(draft, missing);
    }

    private void Warn(DigestDraft draft, List<DraftItem> missing)
    {
        if (missing.Count == 0) return;
        var names = string.Join(", ", missing.Select(i => $"[{i.N}] {DigestRenderer.Short(i.Paper.Title)}"));
        logger.LogWarning("The model gave no one-liner for {Papers}", names);
        draft.Notices.Add($"the model gave no one-liner for {names}: {(missing.Count == 1 ? "it uses" : "they use")} the paper's own sentence");
        missing.Clear();
    }

    private async Task ThemesAsync(DigestDraft draft, int budget, CancellationToken cancellationToken)
    {
        var period = draft.Period.ToString();
        var parts = Parts(draft.Themes.ToList(), t => ThemeBlock(t).Length, budget).ToList();
        foreach (var part in parts)
        {
            var reply = await AskAsync(PromptNames.Digest, new() { ["date"] = period, ["themes"] = string.Join("\n\n", part.Select(ThemeBlock)) }, cancellationToken);
            var byNumber = part.ToDictionary(t => t.Number);
            foreach (var (k, name, intro) in ParseThemes(reply))
            {
                if (!byNumber.TryGetValue(k, out var theme)) continue;
                if (name.Length > 0) theme.Name = name;
                if (intro.Length > 0) theme.Intro = intro;
            }
        }
        if (parts.Count < 2) return;

        // The final pass sees every theme at once (names and titles only) and renames them so no two are alike.
        var all = string.Join("\n\n", draft.Themes.Select(t => NamingBlock(t, budget / Math.Max(1, draft.Themes.Count))));
        var names = await AskAsync(PromptNames.Digest, new()
        {
            ["date"] = period,
            ["themes"] = "Every theme of the digest, with the names the parts gave them. Give each theme a name no other theme has.\n\n" + all,
        }, cancellationToken);
        var themes = draft.Themes.ToDictionary(t => t.Number);
        foreach (var (k, name, _) in ParseThemes(names))
            if (themes.TryGetValue(k, out var theme) && name.Length > 0) theme.Name = name;
    }

    /// <summary>Names that still repeat (ignoring case) fall back to the theme's shared phrase, else get its number.</summary>
    private static void UniqueNames(DigestDraft draft)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var theme in draft.Themes)
        {
            if (seen.Add(theme.Name)) continue;
            theme.Name = theme.Phrase is { } p && seen.Add(p) ? p : $"{theme.Name} ({theme.Number})";
            seen.Add(theme.Name);
        }
    }

    private async Task<string> AskAsync(string name, Dictionary<string, object?> arguments, CancellationToken cancellationToken)
    {
        var (messages, options) = await prompt.RenderAsync(name, arguments, cancellationToken);
        var response = await chat.GetResponseAsync(messages, options, cancellationToken);
        logger.LogDebug("Prompt {Prompt} answered with {Chars} characters", name, response.Text.Length);
        return response.Text;
    }

    /// <summary>The numbered one-liners of a reply, in any of the usual list formats.</summary>
    internal static IEnumerable<(int N, string Text)> ParseOneLiners(string reply)
    {
        foreach (Match m in OneLinerLine().Matches(reply))
        {
            if (!int.TryParse(m.Groups["n"].Value, CultureInfo.InvariantCulture, out var n)) continue;
            yield return (n, Clean(m.Groups["text"].Value));
        }
    }

    /// <summary>The numbered theme lines of a reply: "Theme k: name | intro" and its usual variants.</summary>
    internal static IEnumerable<(int K, string Name, string Intro)> ParseThemes(string reply)
    {
        foreach (Match m in ThemeLine().Matches(reply))
        {
            if (!int.TryParse(m.Groups["k"].Value, CultureInfo.InvariantCulture, out var k)) continue;
            yield return (k, Clean(m.Groups["name"].Value).Trim('"', '“', '”'), Clean(m.Groups["intro"].Value));
        }
    }

    private static string Clean(string text) => text.Replace("**", "", StringComparison.Ordinal).Trim().TrimStart(':', '-', '–', '—').Trim();

    /// <summary>Drops a leading copy of the paper's title ("TriForce: Lossless …: It speeds up …" → "It speeds up …").</summary>
    private static string StripTitle(string text, string title)
    {
        foreach (var prefix in new[] { title, DigestRenderer.Short(title) })
        {
            if (prefix.Length > 3 && text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && text.Length > prefix.Length + 10)
            {
                var rest = text[prefix.Length..].TrimStart(' ', ':', '-', '–', '—');
                if (rest.Length > 0 && rest.Length < text.Length - 2) return rest;
            }
        }
        return text;
    }

    private static string OneLine(string message)
    {
        var line = message.ReplaceLineEndings(" ").Trim();
        return line.Length <= 160 ? line : line[..157] + "…";
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
        var sb = new StringBuilder($"Theme {theme.Number} ({theme.Items.Count} papers");
        if (theme.Phrase is { } phrase) sb.Append("; all mention \"").Append(phrase).Append('"');
        else sb.Append("; papers that fit no other theme");
        if (theme.Shared.Count > 0) sb.Append("; also: ").Append(string.Join(", ", theme.Shared.Select(s => $"{s.Phrase} ({s.Papers})")));
        sb.Append(')');
        foreach (var item in theme.Items) sb.Append($"\n[{item.N}] {SourceFormatter.Defuse(item.Paper.Title)}: {SourceFormatter.Defuse(item.OneLiner)}");
        return sb.ToString();
    }

    private static string NamingBlock(DraftTheme theme, int budget)
    {
        var sb = new StringBuilder($"Theme {theme.Number} (named \"{theme.Name}\" so far; {theme.Items.Count} papers)");
        foreach (var item in theme.Items)
        {
            var line = $"\n- {SourceFormatter.Defuse(item.Paper.Title)}";
            if (sb.Length + line.Length > Math.Max(300, budget)) break;
            sb.Append(line);
        }
        return sb.ToString();
    }

    [GeneratedRegex(@"^[ \t]*(?:[-*•][ \t]*)?(?:\*\*)?[ \t]*(?:\[(?<n>\d+)\]|\((?<n>\d+)\)|(?<n>\d+)[.)](?=[\s*]))[ \t]*(?:\*\*)?[ \t]*[:\-–—]?[ \t]*(?<text>\S.*?)[ \t]*$", RegexOptions.Multiline)]
    private static partial Regex OneLinerLine();

    [GeneratedRegex(@"^[ \t]*(?:[-*•#][ \t#]*)?(?:\*\*)?[ \t]*(?:Theme[ \t]+)?(?<k>\d+)[ \t]*(?:\*\*)?[ \t]*[:.)\-–—][ \t]*(?:\*\*)?(?<name>[^|\n]+?)(?:\*\*)?[ \t]*(?:(?:\||[ \t][—–][ \t])[ \t]*(?<intro>.*?))?[ \t]*$", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex ThemeLine();
}
