using System.Globalization;
using System.Text;

namespace ResearchBot.Digest;

/// <summary>Writes a filled draft as text: a heading line, then each theme with its intro and "- [n] Title: one-liner" lines.</summary>
public static class DigestRenderer
{
    public static string Render(DigestDraft draft)
    {
        var count = draft.Items.Count();
        var sb = new StringBuilder();
        sb.Append("Digest of ").Append(draft.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append(": ")
            .Append(count == 1 ? "1 paper" : $"{count} papers").Append(" in ")
            .Append(draft.Themes.Count == 1 ? "1 theme" : $"{draft.Themes.Count} themes").Append('.');
        foreach (var theme in draft.Themes)
        {
            sb.Append("\n\n## ").Append(theme.Name).Append('\n');
            if (theme.Intro.Length > 0) sb.Append(theme.Intro).Append('\n');
            foreach (var item in theme.Items)
                sb.Append("- [").Append(item.N).Append("] ").Append(item.Paper.Title).Append(": ").Append(item.OneLiner.ReplaceLineEndings(" ")).Append('\n');
        }
        return sb.ToString().TrimEnd();
    }
}
