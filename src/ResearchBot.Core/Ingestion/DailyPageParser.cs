using System.Text.RegularExpressions;
using ResearchBot.Papers;

namespace ResearchBot.Ingestion;

/// <summary>
/// Reads a saved Hugging Face Daily Papers page (copied as text): header lines, an optional page date such as "Apr 28",
/// then title/abstract pairs, each optionally followed by "• 9 authors" or a submitter line, "·" and "Oct 20, 2025 5".
/// </summary>
public sealed partial class DailyPageParser : IPaperParser
{
    /// <summary>Listing source for papers read from a saved page.</summary>
    public const string ListingSource = "page";

    private const string SubscribeHeader = "Subscribe";
    private const string MetadataSeparator = "·";
    private const int MaxTitleLength = 300;
    private const int MinAbstractLength = 200;
    private const int SniffLength = 16 * 1024;

    private static readonly HashSet<string> HeaderLines = new(StringComparer.Ordinal)
    {
        "new",
        "Get trending papers in your email inbox once a day!",
        "Get trending papers in your email inbox!",
        SubscribeHeader,
        "Daily Papers",
        "byAK and the research community",
    };

    public string Format => "daily-page";

    public bool CanParse(string content)
    {
        var lines = NonBlankLines(content.Length > SniffLength ? content[..SniffLength] : content).Take(12).ToList();
        if (lines.Count == 0 || lines[0][0] is '{' or '[' or '<') return false;
        if (lines.Any(l => HeaderLines.Contains(l) || IsGluedSubscribe(l))) return true;
        return lines.Count >= 2 && IsTitleLike(lines[0]) && IsAbstractLike(lines[1]);
    }

    public IReadOnlyList<Paper> Parse(string content, ParseContext context)
    {
        var lines = NonBlankLines(content);
        var start = SkipHeader(lines, context, out var pageDate);
        var listingDay = context.DateOverride ?? pageDate;
        var entries = ReadEntries(lines, start, listingDay ?? context.Today);
        if (entries.Count == 0) throw new PaperFormatException("no papers found on the page");
        return entries.Select(e => ToPaper(e, listingDay)).ToList();
    }

    private static int SkipHeader(List<string> lines, ParseContext context, out DateOnly? pageDate)
    {
        pageDate = null;
        var i = 0;
        for (; i < lines.Count; i++)
        {
            var line = lines[i];
            if (HeaderLines.Contains(line)) continue;
            if (IsGluedSubscribe(line))
            {
                lines[i] = line[SubscribeHeader.Length..].TrimStart();
                break;
            }
            if (pageDate is null && MonthDayDate.TryParseMonthDay(line, out var month, out var day))
            {
                pageDate = MonthDayDate.LatestNotAfter(month, day, context.Today);
                continue;
            }
            break;
        }
        return i;
    }

    private static List<DailyPageEntry> ReadEntries(List<string> lines, int start, DateOnly dateLimit)
    {
        var entries = new List<DailyPageEntry>();
        string? pendingTitle = null;
        for (var i = start; i < lines.Count; i++)
        {
            var line = lines[i];
            var last = entries.Count > 0 ? entries[^1] : null;
            var next = i + 1 < lines.Count ? lines[i + 1] : null;

            if (line == MetadataSeparator)
            {
                if (next is not null && last is not null && ApplyDateLine(last, next, dateLimit)) i++;
                continue;
            }
            if (pendingTitle is null && last is not null)
            {
                if (AuthorsLine().Match(line) is { Success: true } authors)
                {
                    last.AuthorCount = int.Parse(authors.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
                    continue;
                }
                // A submitter line ("deepseek-ai DeepSeek") sits where the author count would, right before "·".
                if (next == MetadataSeparator && IsTitleLike(line)) continue;
                if (MonthDayDate.HasYear(line) && ApplyDateLine(last, line, dateLimit)) continue;
            }

            if (pendingTitle is null)
            {
                if (IsTitleLike(line)) pendingTitle = line;
                else last?.AppendAbstract(line);
                continue;
            }
            if (IsAbstractLike(line))
            {
                entries.Add(new DailyPageEntry(pendingTitle).AppendAbstract(line));
                pendingTitle = null;
            }
            else
            {
                entries.Add(new DailyPageEntry(pendingTitle));
                pendingTitle = line;
            }
        }
        if (pendingTitle is not null) entries.Add(new DailyPageEntry(pendingTitle));
        return entries;
    }

    private static bool ApplyDateLine(DailyPageEntry entry, string line, DateOnly dateLimit)
    {
        if (!MonthDayDate.TryParseMetadata(line, out var month, out var day, out var year, out var upvotes)) return false;
        entry.Published = year is { } y ? new DateOnly(y, month, day) : MonthDayDate.LatestNotAfter(month, day, dateLimit);
        entry.Upvotes = upvotes ?? entry.Upvotes;
        return true;
    }

    private static Paper ToPaper(DailyPageEntry entry, DateOnly? listingDay) => new()
    {
        Id = PaperId.FromTitle(entry.Title),
        Title = TitleKey.Display(entry.Title),
        Abstract = TextCleanup.CollapseWhitespace(entry.Abstract),
        AuthorCount = entry.AuthorCount,
        Published = entry.Published,
        Upvotes = entry.Upvotes,
        Url = null,
        Listings = listingDay is { } day ? [new Listing(day, ListingSource)] : [],
    };

    /// <summary>A title is a short line without a final period.</summary>
    private static bool IsTitleLike(string line) => line.Length <= MaxTitleLength && !line.EndsWith('.');

    /// <summary>An abstract is long, or reads as prose ending with a period.</summary>
    private static bool IsAbstractLike(string line) => !IsTitleLike(line) || line.Length >= MinAbstractLength;

    private static bool IsGluedSubscribe(string line) =>
        line.Length > SubscribeHeader.Length && line.StartsWith(SubscribeHeader, StringComparison.Ordinal) && !char.IsLower(line[SubscribeHeader.Length]);

    private static List<string> NonBlankLines(string content)
    {
        var lines = new List<string>();
        foreach (var raw in content.AsSpan().EnumerateLines())
        {
            var line = raw.Trim();
            if (!line.IsEmpty) lines.Add(line.ToString());
        }
        return lines;
    }

    [GeneratedRegex(@"^•\s*(\d{1,5})\s+authors?$")]
    private static partial Regex AuthorsLine();
}
