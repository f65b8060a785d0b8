using System.Text;
using ResearchBot.Digest;

namespace ResearchBot.Cli.Output;

/// <summary>The <c>digest --format markdown</c> document: heading, top of the day, what changed, themes with linked titles and one-liners.</summary>
internal static class DigestMarkdown
{
    public static string Write(DailyDigest digest)
    {
        var sb = new StringBuilder();
        sb.Append("# ").Append(DigestText.Title(digest)).Append("\n\n").Append(DigestText.Summary(digest)).Append('\n');
        if (digest.Interests.Count > 0) sb.Append("\nInterests: ").Append(string.Join(", ", digest.Interests)).Append(" (★ marks matching papers)\n");
        var items = digest.Themes.SelectMany(t => t.Items).ToDictionary(i => i.N);
        if (digest.Top.Count > 0)
            sb.Append("\n**Top of the ").Append(digest.IsSpan ? "span" : "day").Append(":** ")
                .Append(string.Join(" · ", digest.Top.Select(n => $"[{n}] {Escape(DigestRenderer.Short(items[n].Title))}{DigestText.Upvotes(items[n])}"))).Append('\n');
        if (digest.PreviousPapers is { } before)
            sb.Append('\n').Append(DigestRenderer.WhatChanged(new DigestPeriod(digest.From, digest.Date), before, digest.Changes).Replace("What changed", "**What changed**", StringComparison.Ordinal)).Append('\n');
        foreach (var theme in digest.Themes)
        {
            sb.Append("\n## ").Append(Escape(theme.Name)).Append("\n\n");
            if (theme.Intro.Length > 0) sb.Append(Escape(theme.Intro)).Append("\n\n");
            foreach (var item in theme.Items)
            {
                var title = item.Url is { } url ? $"[{Escape(item.Title)}]({url})" : Escape(item.Title);
                sb.Append("- **[").Append(item.N).Append("]** ").Append(item.Interest ? "★ " : "").Append(title).Append(" — ").Append(Escape(item.OneLiner.ReplaceLineEndings(" ")));
                if (item.Published is { } d) sb.Append(" _(published ").Append(DigestText.Day(d)).Append(")_");
                sb.Append('\n');
            }
        }
        return sb.ToString();
    }

    private static string Escape(string text) => text.Replace("*", "\\*", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal)
        .Replace("[", "\\[", StringComparison.Ordinal).Replace("]", "\\]", StringComparison.Ordinal);
}
