using System.Text;

namespace ResearchBot.Answering.Sources;

/// <summary>Writes numbered sources for a prompt: "[n] title (date)" then the abstract. Delimiter lines inside source text are defused.</summary>
public static class SourceFormatter
{
    /// <summary>The marker that opens the sources block in the GroundedAnswer prompt.</summary>
    public const string BeginMarker = "=====BEGIN SOURCES=====";

    /// <summary>The marker that closes the sources block.</summary>
    public const string EndMarker = "=====END SOURCES=====";

    /// <summary>The sources as text, one block per source separated by blank lines.</summary>
    public static string Format(IEnumerable<NumberedSource> sources, int maxAbstractChars = 2000)
    {
        var sb = new StringBuilder();
        foreach (var s in sources)
        {
            if (sb.Length > 0) sb.Append('\n');
            var date = s.Paper.Date is { } d ? d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : "date unknown";
            sb.Append('[').Append(s.N).Append("] ").Append(Defuse(s.Paper.Title)).Append(" (").Append(date).Append(")\n");
            var abs = Defuse(s.Paper.Abstract.ReplaceLineEndings(" "));
            sb.Append(abs.Length > maxAbstractChars ? abs[..maxAbstractChars] + "…" : abs).Append('\n');
        }
        return sb.ToString().TrimEnd();
    }

    /// <summary>Removes anything that looks like the block delimiters, so source text cannot close the data block.</summary>
    public static string Defuse(string text) =>
        text.Replace("=====", "=", StringComparison.Ordinal).Replace("BEGIN SOURCES", "begin sources", StringComparison.Ordinal)
            .Replace("END SOURCES", "end sources", StringComparison.Ordinal);
}
