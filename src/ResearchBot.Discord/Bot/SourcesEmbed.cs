using System.Text;
using ResearchBot.Answering;
using ResearchBot.Discord.Rest.Models;

namespace ResearchBot.Discord.Bot;

/// <summary>The numbered sources of an answer or digest as one embed, within Discord's embed limits.</summary>
public static class SourcesEmbed
{
    private const int MaxTitle = 180;

    /// <summary>The embed, or null when there are no sources.</summary>
    public static Embed? Build(IEnumerable<AnswerSource> sources, string title = "Sources")
    {
        var list = sources.OrderBy(s => s.N).ToList();
        if (list.Count == 0) return null;
        var description = new StringBuilder();
        var shown = 0;
        foreach (var source in list)
        {
            var line = Line(source);
            if (description.Length + line.Length + 1 > EmbedLimits.Description - 40) break;
            description.Append(line).Append('\n');
            shown++;
        }
        var footer = shown < list.Count ? new EmbedFooter($"… and {list.Count - shown} more") : null;
        return new Embed(Title: title, Description: description.ToString().TrimEnd(), Footer: footer);
    }

    /// <summary>One source: <c>[n] [Title](url) · date</c>.</summary>
    public static string Line(AnswerSource source)
    {
        var title = Escape(source.Title.Length > MaxTitle ? source.Title[..MaxTitle] + "…" : source.Title);
        var linked = source.Url is { Length: > 0 } url ? $"[{title}]({url})" : title;
        var date = source.Published is { } d ? $" · {d:yyyy-MM-dd}" : "";
        return $"[{source.N}] {linked}{date}";
    }

    private static string Escape(string text) =>
        text.Replace("\\", "\\\\").Replace("[", "\\[").Replace("]", "\\]").Replace("*", "\\*").Replace("_", "\\_").Replace("`", "\\`");
}
