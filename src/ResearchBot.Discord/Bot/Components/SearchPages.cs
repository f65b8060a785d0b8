using System.Text;
using ResearchBot.BotState;
using ResearchBot.Discord.Rest.Models;

namespace ResearchBot.Discord.Bot.Components;

/// <summary>A saved search shown <see cref="PageSize"/> results at a time, with "Previous"/"Next" buttons when it has more than one page.</summary>
public static class SearchPages
{
    public const int PageSize = 5;

    public static int PageCount(SavedSearch search) => Math.Max(1, (search.Results.Count + PageSize - 1) / PageSize);

    /// <summary>The text of page <paramref name="page"/> (0-based, clamped).</summary>
    public static string Text(SavedSearch search, int page)
    {
        if (search.Results.Count == 0) return $"No papers matched **{search.Query}** (searched {search.PapersInRange}).";
        page = Math.Clamp(page, 0, PageCount(search) - 1);
        var first = page * PageSize;
        var shown = search.Results.Skip(first).Take(PageSize).ToList();
        var text = new StringBuilder($"Papers about **{search.Query}**");
        if (PageCount(search) > 1) text.Append($" — {first + 1}–{first + shown.Count} of {search.Results.Count}");
        text.Append(":\n");
        foreach (var source in shown) text.Append('\n').Append(SourcesEmbed.Line(source));
        return text.ToString();
    }

    /// <summary>Page <paramref name="page"/> with its buttons (none for a single page).</summary>
    public static OutgoingMessage Message(SavedSearch search, int page)
    {
        var count = PageCount(search);
        page = Math.Clamp(page, 0, count - 1);
        var components = count <= 1 ? [] : ActionRow.Rows(
        [
            new Button("◀ Previous", new ComponentId(ComponentId.SearchPage, search.Key, Math.Max(0, page - 1)).ToString(), disabled: page == 0),
            new Button("Next ▶", new ComponentId(ComponentId.SearchPage, search.Key, Math.Min(count - 1, page + 1)).ToString(), disabled: page == count - 1),
        ]);
        return new OutgoingMessage(Text(search, page), [], Components: components);
    }
}
