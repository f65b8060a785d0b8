using System.Globalization;
using System.Text.RegularExpressions;

namespace ResearchBot.Answering.Dates;

/// <summary>
/// Understands dates in a question relative to today: "today", "yesterday", "this/last week", "this/last month",
/// "past N days", "on Apr 28", "since Monday", "in March", "before/after D", "from D to D", ISO dates. The matched
/// words are removed from the question text.
/// </summary>
public sealed partial class DateFilterParser(TimeProvider time)
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Today in the time provider's local zone.</summary>
    public DateOnly Today => DateOnly.FromDateTime(time.GetLocalNow().DateTime);

    /// <summary>Parses <paramref name="question"/>.</summary>
    public DateFilter Parse(string question)
    {
        var today = Today;
        DateOnly? from = null, to = null;
        var text = question;

        text = Apply(text, RangeExpr(), m =>
        {
            if (ParseDate(m.Groups["a"].Value, today) is not { } a || ParseDate(m.Groups["b"].Value, today) is not { } b) return false;
            (from, to) = a <= b ? (a, b) : (b, a);
            return true;
        });
        text = Apply(text, Relative(), m =>
        {
            var word = m.Groups["w"].Value.ToLowerInvariant();
            (from, to) = word switch
            {
                "today" => (today, today),
                "yesterday" => (today.AddDays(-1), today.AddDays(-1)),
                "this week" => (Monday(today), today),
                "last week" or "past week" or "previous week" => (Monday(today).AddDays(-7), Monday(today).AddDays(-1)),
                "this month" => (new DateOnly(today.Year, today.Month, 1), today),
                "last month" or "previous month" or "past month" =>
                    (new DateOnly(today.Year, today.Month, 1).AddMonths(-1), new DateOnly(today.Year, today.Month, 1).AddDays(-1)),
                "this year" => (new DateOnly(today.Year, 1, 1), today),
                "last year" => (new DateOnly(today.Year - 1, 1, 1), new DateOnly(today.Year - 1, 12, 31)),
                _ => (from, to),
            };
            return true;
        });
        text = Apply(text, PastDays(), m =>
        {
            var n = int.Parse(m.Groups["n"].Value, Invariant);
            var unit = m.Groups["u"].Value.ToLowerInvariant();
            var days = unit.StartsWith("week", StringComparison.Ordinal) ? 7 * n : unit.StartsWith("month", StringComparison.Ordinal) ? 30 * n : n;
            (from, to) = (today.AddDays(-(days - 1)), today);
            return true;
        });
        text = Apply(text, Since(), m =>
        {
            if (ParseDay(m.Groups["d"].Value, today) is not { } d) return false;
            var isBefore = m.Groups["p"].Value.ToLowerInvariant() is "before" or "until" or "till";
            if (isBefore) to = m.Groups["p"].Value.Equals("before", StringComparison.OrdinalIgnoreCase) ? d.AddDays(-1) : d;
            else { from = m.Groups["p"].Value.Equals("after", StringComparison.OrdinalIgnoreCase) ? d.AddDays(1) : d; to ??= today; }
            return true;
        });
        text = Apply(text, InMonth(), m =>
        {
            var month = MonthNumber(m.Groups["m"].Value);
            if (month == 0) return false;
            var year = m.Groups["y"].Success ? int.Parse(m.Groups["y"].Value, Invariant) : (month <= today.Month ? today.Year : today.Year - 1);
            var first = new DateOnly(year, month, 1);
            (from, to) = (first, first.AddMonths(1).AddDays(-1));
            return true;
        });
        text = Apply(text, OnDay(), m =>
        {
            if (ParseDate(m.Groups["d"].Value, today) is not { } d) return false;
            (from, to) = (d, d);
            return true;
        });

        return new DateFilter(Tidy(text), from, to);
    }

    private static string Apply(string text, Regex regex, Func<Match, bool> accept)
    {
        var m = regex.Match(text);
        while (m.Success)
        {
            if (accept(m)) return text.Remove(m.Index, m.Length).Insert(m.Index, " ");
            m = m.NextMatch();
        }
        return text;
    }

    private static DateOnly Monday(DateOnly d) => d.AddDays(-(((int)d.DayOfWeek + 6) % 7));

    /// <summary>A weekday name (the latest such day not after today, today excluded) or a date.</summary>
    private static DateOnly? ParseDay(string text, DateOnly today)
    {
        var t = text.Trim().ToLowerInvariant();
        for (var i = 1; i <= 7; i++)
        {
            var d = today.AddDays(-i);
            var name = d.DayOfWeek.ToString().ToLowerInvariant();
            if (t == name || t == name[..3]) return d;
        }
        if (t == "yesterday") return today.AddDays(-1);
        if (t == "today") return today;
        return ParseDate(text, today);
    }

    /// <summary>ISO dates, "Apr 28", "April 28, 2026", "28 April" (year: the latest that does not put the date in the future).</summary>
    private static DateOnly? ParseDate(string text, DateOnly today)
    {
        var t = text.Trim().TrimEnd(',', '.');
        if (DateOnly.TryParseExact(t, "yyyy-MM-dd", Invariant, DateTimeStyles.None, out var iso)) return iso;
        var m = MonthDay().Match(t);
        if (!m.Success || !m.Value.Equals(t, StringComparison.Ordinal)) return null;
        var month = MonthNumber(m.Groups["m"].Value);
        var day = int.Parse(m.Groups["d"].Success ? m.Groups["d"].Value : m.Groups["d2"].Value, Invariant);
        if (month == 0 || day < 1 || day > 31) return null;
        if (m.Groups["y"].Success)
        {
            var y = int.Parse(m.Groups["y"].Value, Invariant);
            return day <= DateTime.DaysInMonth(y, month) ? new DateOnly(y, month, day) : null;
        }
        for (var y = today.Year; y >= today.Year - 4; y--)
        {
            if (day > DateTime.DaysInMonth(y, month)) continue;
            var d = new DateOnly(y, month, day);
            if (d <= today) return d;
        }
        return null;
    }

    private static int MonthNumber(string name)
    {
        if (name.Length < 3) return 0;
        var n = name[..3].ToLowerInvariant();
        var i = Array.IndexOf(["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], n);
        return i + 1;
    }

    private static string Tidy(string text)
    {
        var t = Spaces().Replace(text, " ").Trim();
        t = SpaceBeforePunct().Replace(t, "$1");
        t = DanglingWord().Replace(t, "$1");
        return t.Trim().Trim(',').Trim();
    }

    private const string Month = @"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";
    private const string DateExpr = @"(?:\d{4}-\d{2}-\d{2}|" + Month + @"\.?\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?|\d{1,2}(?:st|nd|rd|th)?\s+" + Month + @"(?:,?\s+\d{4})?)";
    private const string DayExpr = @"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun|yesterday|" + DateExpr + ")";

    [GeneratedRegex(@"\b(?:from|between)\s+(?<a>" + DateExpr + @")\s+(?:to|and|until|till|-)\s+(?<b>" + DateExpr + @")\b", RegexOptions.IgnoreCase)]
    private static partial Regex RangeExpr();

    [GeneratedRegex(@"\b(?:(?:from|on|of|for|during|in)\s+)?(?<w>today|yesterday|this week|last week|past week|previous week|this month|last month|previous month|past month|this year|last year)(?:'s)?\b", RegexOptions.IgnoreCase)]
    private static partial Regex Relative();

    [GeneratedRegex(@"\b(?:in|over|from|during)\s+the\s+(?:last|past)\s+(?<n>\d{1,3})\s+(?<u>days?|weeks?|months?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex PastDays();

    [GeneratedRegex(@"\b(?<p>since|after|before|until|till)\s+(?:last\s+)?(?<d>" + DayExpr + @")\b", RegexOptions.IgnoreCase)]
    private static partial Regex Since();

    [GeneratedRegex(@"\b(?:in|during|from)\s+(?<m>" + Month + @")(?:\s+(?<y>\d{4}))?\b(?!\s*\d{1,2}\b)", RegexOptions.IgnoreCase)]
    private static partial Regex InMonth();

    [GeneratedRegex(@"(?:\b(?:on|from|of|for|dated)\s+)?(?<d>" + DateExpr + @")\b", RegexOptions.IgnoreCase)]
    private static partial Regex OnDay();

    [GeneratedRegex(@"(?i)(?<m>" + Month + @")\.?\s+(?<d>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?<y>\d{4}))?|(?<d2>\d{1,2})(?:st|nd|rd|th)?\s+(?<m>" + Month + @")(?:,?\s+(?<y>\d{4}))?")]
    private static partial Regex MonthDay();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"\s+([?.!,;:])")]
    private static partial Regex SpaceBeforePunct();

    [GeneratedRegex(@"\s+(?:from|on|in|since|during|of)([?.!]?)$", RegexOptions.IgnoreCase)]
    private static partial Regex DanglingWord();
}
