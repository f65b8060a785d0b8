using System.Text;
using ResearchBot.Answering.Sources;

namespace ResearchBot.Answering.References;

/// <summary>
/// The offline answer to "tell me more about [2]": for each referenced paper, what it proposes and what it reports —
/// one sentence each, its own method and result sentences (figures kept), never its background — with its [n].
/// Invents nothing.
/// </summary>
public static class PaperSummary
{
    /// <summary>The summary of <paramref name="sources"/>.</summary>
    public static string Write(IReadOnlyList<NumberedSource> sources)
    {
        var sb = new StringBuilder();
        foreach (var source in sources)
        {
            var (does, found) = PaperSentences.Gist(source);
            sb.Append("- ").Append(source.Paper.Title).Append('\n');
            sb.Append("  Proposes: ").Append(does ?? "its abstract does not state its own method in so many words.").Append(" [").Append(source.N).Append("]\n");
            sb.Append("  Reports: ").Append(found ?? "its abstract reports no results.").Append(" [").Append(source.N).Append("]\n");
        }
        return sb.ToString().TrimEnd();
    }
}
