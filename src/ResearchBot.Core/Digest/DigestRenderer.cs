using System.Globalization;
using System.Text;

namespace ResearchBot.Digest;

/// <summary>
/// Writes a filled draft as text: a heading line naming the listing day (or span), the interests, "Top of the day",
/// "What changed" for a span, then each theme with its intro and "- [n] Title: one-liner" lines (★ marks interests).
/// </summary>
public static class DigestRenderer
{
    public static string Render(DigestDraft draft, IReadOnlyList<int>? top = null, IReadOnlyList<ThemeChange>? changes = null, IReadOnlyList<string>? interests = null,
        int? previousPapers = null)
    {
        var items = draft.Items.ToList();
        var sb = new StringBuilder();
        sb.Append(Heading(draft.Period, items.Count, draft.Themes.Count)).Append('.');
        if (interests is { Count: > 0 }) sb.Append("\nInterests: ").Append(string.Join(", ", interests)).Append(" (★ marks matching papers)");
        if (top is { Count: > 0 })
        {
            var byN = items.ToDictionary(i => i.N);
            sb.Append("\n\nTop of the ").Append(draft.Period.IsSpan ? "span" : "day").Append(": ")
                .Append(string.Join(" · ", top.Select(n => $"[{n}] {Short(byN[n].Paper.Title)}{(byN[n].Paper.Upvotes is > 0 and var u ? $" ({u} upvotes)" : "")}")));
        }
        if (previousPapers is { } before)
            sb.Append("\n\n").Append(WhatChanged(draft.Period, before, changes ?? []));
        foreach (var theme in draft.Themes)
        {
            sb.Append(sb[^1] == '\n' ? "\n## " : "\n\n## ").Append(theme.Name).Append('\n');
            if (theme.Intro.Length > 0) sb.Append(theme.Intro).Append('\n');
            foreach (var item in theme.Items)
                sb.Append("- [").Append(item.N).Append("] ").Append(item.Interest ? "★ " : "").Append(item.Paper.Title).Append(": ").Append(item.OneLiner.ReplaceLineEndings(" ")).Append('\n');
        }
        return sb.ToString().TrimEnd();
    }

    /// <summary>"Digest of 2026-04-28 (listing day): 57 papers in 8 themes" or "Digest of 2026-04-22 to 2026-04-28 (listing days): …".</summary>
    public static string Heading(DigestPeriod period, int papers, int themes) =>
        $"Digest of {period} (listing day{(period.IsSpan ? "s" : "")}): {Count(papers, "paper")} in {Count(themes, "theme")}";

    /// <summary>"What changed compared with 2026-04-15 to 2026-04-21 (40 papers): new: …; grew: …." or why there is nothing to compare.</summary>
    public static string WhatChanged(DigestPeriod period, int previousPapers, IReadOnlyList<ThemeChange> changes) =>
        previousPapers == 0 ? $"What changed: nothing to compare with, no papers were listed from {period.Previous()}."
        : changes.Count == 0 ? $"What changed compared with {period.Previous()} ({Count(previousPapers, "paper")}): no theme is new or grew."
        : $"What changed compared with {period.Previous()} ({Count(previousPapers, "paper")}): {string.Join("; ", changes.Select(Change))}.";

    /// <summary>"new: KV cache compression (5 papers)" or "grew: Test-time scaling (8 papers, was 3)".</summary>
    public static string Change(ThemeChange c) =>
        c.IsNew ? $"new: {c.Theme} ({Count(c.Papers, "paper")})" : $"grew: {c.Theme} ({Count(c.Papers, "paper")}, was {c.Before})";

    /// <summary>A title's name part before a colon when short, else the title.</summary>
    public static string Short(string title)
    {
        var colon = title.IndexOf(": ", StringComparison.Ordinal);
        return colon is > 1 and <= 40 ? title[..colon] : title;
    }

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n.ToString(CultureInfo.InvariantCulture)} {noun}s";
}
