using System.Globalization;
using ResearchBot.Discord.Rest.Models;

namespace ResearchBot.Discord.Bot.Components;

/// <summary>
/// What a button does, as its custom_id: <c>rb1:{action}:{key}</c> or <c>rb1:pg:{key}:{page}</c>. The key names a record in
/// the store (a posted answer or a saved search), so a restarted bot can handle a click on a message posted before.
/// </summary>
public sealed record ComponentId(string Action, string Key, int Page = 0)
{
    public const string Prefix = "rb1";
    public const string Sources = "src";
    public const string MoreLikeThis = "more";
    public const string BibTeX = "bib";
    public const string SearchPage = "pg";

    private static readonly HashSet<string> Actions = [Sources, MoreLikeThis, BibTeX, SearchPage];

    public override string ToString() =>
        Action == SearchPage ? $"{Prefix}:{Action}:{Key}:{Page.ToString(CultureInfo.InvariantCulture)}" : $"{Prefix}:{Action}:{Key}";

    /// <summary>The action of a custom_id this bot made, or null for anything else (an old or foreign button).</summary>
    public static ComponentId? Parse(string? customId)
    {
        if (customId is null || customId.Length > ComponentLimits.CustomId) return null;
        var parts = customId.Split(':');
        if (parts.Length < 3 || parts[0] != Prefix || !Actions.Contains(parts[1]) || parts[2].Length == 0) return null;
        if (parts[1] == SearchPage)
            return parts.Length == 4 && int.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var page) ? new ComponentId(SearchPage, parts[2], page) : null;
        return parts.Length == 3 ? new ComponentId(parts[1], parts[2]) : null;
    }
}
