using System.Text;

namespace ResearchBot.Digest;

/// <summary>
/// Fills a draft without a model: each theme is named by the phrase its papers share, its intro says how many papers
/// it has, which other phrases many of them share and one notable result with its figure (quoted from the paper), and
/// each one-liner is the paper's contribution sentence (<see cref="ContributionSentence"/>).
/// </summary>
public static class OfflineDigestWriter
{
    /// <summary>Fills every name, intro and one-liner of <paramref name="draft"/>.</summary>
    public static void Fill(DigestDraft draft)
    {
        foreach (var theme in draft.Themes)
        {
            theme.Name = theme.Phrase ?? (draft.Themes.Count == 1 ? "Papers" : "Other papers");
            theme.Intro = Intro(theme, draft.Themes.Count);
            foreach (var item in theme.Items) item.OneLiner = ContributionSentence.Of(item.Paper);
        }
    }

    /// <summary>
    /// "7 papers; 4 also mention long context and 3 memory footprint. Notable result: MiniCache [12] “… reduces memory by 41% …”"
    /// </summary>
    public static string Intro(DraftTheme theme, int themes)
    {
        var count = theme.Items.Count;
        var sb = new StringBuilder(count == 1 ? "1 paper" : $"{count} papers");
        if (theme.IsOther) sb.Append(themes > 1 ? " that share no theme with the others" : "");
        else if (theme.Shared.Count > 0)
        {
            var shared = theme.Shared.Take(2).Select((s, k) => (k == 0 ? $"{Share(s.Papers, count)} also mention " : $"{Share(s.Papers, count)} ") + s.Phrase.ToLowerInvariantFirst()).ToList();
            sb.Append("; ").Append(string.Join(" and ", shared));
        }
        sb.Append('.');
        var notable = theme.Items.Select(i => (Item: i, Result: ContributionSentence.NotableResult(i.Paper))).FirstOrDefault(x => x.Result is not null);
        if (notable.Result is not null)
            sb.Append(" Notable result").Append(ShortTitle(notable.Item.Paper.Title) is { Length: > 0 } name ? ": " + name : "").Append(" [").Append(notable.Item.N).Append("]: “").Append(notable.Result).Append('”');
        return sb.ToString();
    }

    /// <summary>"both" or "all" when every paper of the theme shares the phrase, else the count.</summary>
    private static string Share(int papers, int count) => papers < count ? papers.ToString(System.Globalization.CultureInfo.InvariantCulture) : count == 2 ? "both" : "all";

    /// <summary>A title's name part ("MiniCache" of "MiniCache: KV Cache Compression …"), else the whole title when short, else nothing.</summary>
    private static string ShortTitle(string title)
    {
        var colon = title.IndexOf(": ", StringComparison.Ordinal);
        return colon is > 1 and <= 30 ? title[..colon] : title.Length <= 40 ? title : "";
    }

    private static string ToLowerInvariantFirst(this string phrase)
    {
        var first = phrase.Split(' ')[0];
        return first.Skip(1).Any(char.IsUpper) || first.Length == 1 ? phrase : char.ToLowerInvariant(phrase[0]) + phrase[1..];
    }
}
