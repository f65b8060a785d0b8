using System.Globalization;
using System.Text;

namespace ResearchBot.Answering.Sources;

/// <summary>
/// Writes numbered sources for a prompt: "[n] title", a line with id, date and authors (when known), the link and
/// the abstract. Lower-ranked abstracts are shortened to fit a character budget. Delimiter lines inside source text
/// are defused.
/// </summary>
public static class SourceFormatter
{
    /// <summary>The marker that opens the sources block in the GroundedAnswer prompt.</summary>
    public const string BeginMarker = "=====BEGIN SOURCES=====";

    /// <summary>The marker that closes the sources block.</summary>
    public const string EndMarker = "=====END SOURCES=====";

    /// <summary>The shortest abstract a lower-ranked source is cut to while the budget allows it.</summary>
    public const int MinAbstractChars = 240;

    private const int MaxAuthors = 6;
    private const string AbstractLabel = "Abstract: ";

    /// <summary>The sources as text, one block per source separated by blank lines, each abstract at most <paramref name="maxAbstractChars"/>.</summary>
    public static string Format(IEnumerable<NumberedSource> sources, int maxAbstractChars = 2000) =>
        Fit(sources.ToList(), int.MaxValue / 2, maxAbstractChars);

    /// <summary>
    /// The sources as text in about <paramref name="maxChars"/> characters: in the given (relevance) order each source
    /// keeps its whole abstract (up to <paramref name="maxAbstractChars"/>) while every later one can still keep
    /// <see cref="MinAbstractChars"/>, so the lower-ranked abstracts are the ones shortened. Titles, ids and links are never cut.
    /// </summary>
    public static string Fit(IReadOnlyList<NumberedSource> sources, int maxChars, int maxAbstractChars = 2000)
    {
        var headers = sources.Select(Header).ToList();
        var abstracts = sources.Select(s => Defuse(s.Paper.Abstract.ReplaceLineEndings(" ").Trim())).ToList();
        var framing = headers.Sum(h => h.Length + AbstractLabel.Length + 3);
        var lengths = Allot(abstracts.Select(a => Math.Min(a.Length, maxAbstractChars)).ToList(), maxChars - framing, MinAbstractChars);

        var sb = new StringBuilder();
        for (var i = 0; i < sources.Count; i++)
        {
            if (sb.Length > 0) sb.Append('\n');
            sb.Append(headers[i]).Append('\n');
            var text = Shorten(abstracts[i], lengths[i]);
            if (text.Length > 0) sb.Append(AbstractLabel).Append(text).Append('\n');
        }
        return sb.ToString().TrimEnd();
    }

    /// <summary>"[n] title", then "Id: … · Date: … · Authors: …", then "Link: …".</summary>
    public static string Header(NumberedSource source)
    {
        var paper = source.Paper;
        var sb = new StringBuilder();
        sb.Append('[').Append(source.N).Append("] ").Append(Defuse(paper.Title)).Append('\n');
        sb.Append("Id: ").Append(Defuse(paper.Id));
        sb.Append(" · Date: ").Append(paper.Date is { } d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "unknown");
        if (paper.Authors.Count > 0)
        {
            sb.Append(" · Authors: ").Append(Defuse(string.Join(", ", paper.Authors.Take(MaxAuthors))));
            if (paper.Authors.Count > MaxAuthors) sb.Append(" et al.");
        }
        if (source.ToAnswerSource().Url is { } url) sb.Append("\nLink: ").Append(Defuse(url));
        return sb.ToString();
    }

    /// <summary>
    /// Splits <paramref name="total"/> characters among texts wanting <paramref name="wanted"/> characters, in order:
    /// each gets what it wants as long as every later one can still get <paramref name="floor"/> (or what it wants, if less).
    /// When even the floors do not fit, the rest is shared equally.
    /// </summary>
    public static int[] Allot(IReadOnlyList<int> wanted, int total, int floor)
    {
        var result = new int[wanted.Count];
        var left = Math.Max(0, total);
        for (var i = 0; i < wanted.Count; i++)
        {
            var share = Math.Min(floor, left / (wanted.Count - i));
            var reserve = 0;
            for (var j = i + 1; j < wanted.Count; j++) reserve += Math.Min(wanted[j], share);
            result[i] = Math.Min(wanted[i], Math.Max(Math.Min(wanted[i], share), left - reserve));
            left -= result[i];
        }
        return result;
    }

    /// <summary><paramref name="text"/> cut to about <paramref name="max"/> characters at a word boundary, with "…" when cut; empty when there is no room for a useful piece.</summary>
    public static string Shorten(string text, int max)
    {
        if (text.Length <= max) return text;
        if (max < 40) return "";
        var cut = text.LastIndexOf(' ', max - 1);
        if (cut < max / 2) cut = max - 1;
        return text[..cut].TrimEnd(' ', ',', ';', ':') + "…";
    }

    /// <summary>Removes anything that looks like the block delimiters, so source text cannot close the data block.</summary>
    public static string Defuse(string text) =>
        text.Replace("=====", "=", StringComparison.Ordinal).Replace("BEGIN SOURCES", "begin sources", StringComparison.Ordinal)
            .Replace("END SOURCES", "end sources", StringComparison.Ordinal);
}
