using System.Globalization;
using System.Text;

namespace ResearchBot.Answering;

/// <summary>The plain-text list of the sources an answer cites, for hosts that print it under the answer: "[n] Title (date) link".</summary>
public static class CitedSourcesText
{
    /// <summary>One line per cited source, in number order; empty when nothing is cited.</summary>
    public static string Of(Answer answer)
    {
        var sb = new StringBuilder();
        foreach (var s in answer.CitedSources.OrderBy(s => s.N))
        {
            if (sb.Length > 0) sb.Append('\n');
            sb.Append('[').Append(s.N).Append("] ").Append(s.Title);
            if (s.Published is { } d) sb.Append(" (").Append(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append(')');
            if (s.Url is not null) sb.Append(' ').Append(s.Url);
        }
        return sb.ToString();
    }
}
