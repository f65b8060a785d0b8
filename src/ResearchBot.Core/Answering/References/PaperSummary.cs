using System.Text;
using ResearchBot.Answering.Sources;

namespace ResearchBot.Answering.References;

/// <summary>
/// The offline answer to "tell me more about [2]": for each referenced paper, what it proposes and what it reports,
/// in its abstract's own sentences with its [n]. Invents nothing.
/// </summary>
public static class PaperSummary
{
    /// <summary>The summary of <paramref name="sources"/> (two sentences of each kind for one paper, one for several).</summary>
    public static string Write(IReadOnlyList<NumberedSource> sources)
    {
        var per = sources.Count == 1 ? 2 : 1;
        var sb = new StringBuilder();
        foreach (var source in sources)
        {
            var proposes = SideBySide.Top(source, SideBySide.Approach, 0.5, per);
            var reports = SideBySide.Top(source, SideBySide.Result, 1, per, proposes);
            sb.Append("- ").Append(source.Paper.Title).Append('\n');
            sb.Append("  Proposes: ").Append(proposes.Count > 0 ? string.Join(" ", proposes) : "its abstract does not state its own method in so many words.").Append(" [").Append(source.N).Append("]\n");
            sb.Append("  Reports: ").Append(reports.Count > 0 ? string.Join(" ", reports) : "its abstract reports no results.").Append(" [").Append(source.N).Append("]\n");
        }
        return sb.ToString().TrimEnd();
    }
}
