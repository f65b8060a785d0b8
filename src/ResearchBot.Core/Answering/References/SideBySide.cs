using System.Text;
using ResearchBot.Answering.Sources;

namespace ResearchBot.Answering.References;

/// <summary>
/// The offline answer to "compare [1] and [3]": the papers side by side on the same aspects — the asked aspect when
/// the question names one, else what each proposes and what each reports — one sentence of each paper's abstract per
/// aspect (its own method and result sentences, never background; see <see cref="PaperSentences"/>), with its [n]. A
/// paper whose abstract says nothing on an aspect is said to say nothing. Invents nothing.
/// </summary>
public static class SideBySide
{
    /// <summary>The comparison of <paramref name="sources"/> on <paramref name="aspect"/> (empty: approach and results).</summary>
    public static string Write(string aspect, IReadOnlyList<NumberedSource> sources)
    {
        var sb = new StringBuilder();
        sb.Append("Side by side, ").Append(Numbers(sources.Select(s => s.N))).Append(":\n");
        if (aspect.Trim().Length > 0)
            Section(sb, $"On {aspect}", sources, s => PaperSentences.OnAspect(aspect, s), $"its abstract says nothing about {aspect}");
        else
        {
            var gists = sources.ToDictionary(s => s.N, PaperSentences.Gist);
            Section(sb, "What it proposes", sources, s => gists[s.N].Does, "its abstract does not state its own method");
            Section(sb, "What it reports", sources, s => gists[s.N].Found, "its abstract reports no results");
        }
        return sb.ToString().TrimEnd();
    }

    /// <summary>
    /// The answer to an aspect question about listed papers ("what do [3] and [4] cost in memory?", "what about their
    /// memory cost?"): each paper's sentence on the aspect, with its [n]; papers whose abstract is silent on it are
    /// named in one closing line.
    /// </summary>
    public static string OnAspect(string aspect, IReadOnlyList<NumberedSource> sources)
    {
        var sb = new StringBuilder();
        var silent = new List<int>();
        foreach (var source in sources)
        {
            if (PaperSentences.OnAspect(aspect, source) is { } sentence)
                sb.Append("- ").Append(ShortName(source.Paper.Title)).Append(": ").Append(sentence).Append(" [").Append(source.N).Append("]\n");
            else silent.Add(source.N);
        }
        if (silent.Count > 0)
            sb.Append(sb.Length == 0 ? "" : "\n").Append($"The abstract{(silent.Count == 1 ? " of" : "s of")} {Numbers(silent)} say{(silent.Count == 1 ? "s" : "")} nothing about \"{aspect}\".");
        return sb.ToString().TrimEnd();
    }

    private static void Section(StringBuilder sb, string heading, IReadOnlyList<NumberedSource> sources, Func<NumberedSource, string?> pick, string none)
    {
        sb.Append('\n').Append(heading).Append(":\n");
        foreach (var source in sources)
        {
            sb.Append("- ").Append(ShortName(source.Paper.Title)).Append(": ");
            sb.Append(pick(source) is { } sentence ? $"{sentence} [{source.N}]" : $"{none} [{source.N}].").Append('\n');
        }
    }

    /// <summary>"[1]", "[1] and [3]", "[1], [2] and [4]".</summary>
    private static string Numbers(IEnumerable<int> numbers)
    {
        var listed = numbers.Select(n => $"[{n}]").ToList();
        return listed.Count == 1 ? listed[0] : string.Join(", ", listed.Take(listed.Count - 1)) + " and " + listed[^1];
    }

    /// <summary>"MiniCache" for "MiniCache: KV Cache Compression in Depth Dimension …"; short titles stay whole.</summary>
    internal static string ShortName(string title)
    {
        var colon = title.IndexOf(':');
        return colon is > 0 and <= 60 ? title[..colon].Trim() : title.Length <= 80 ? title : title[..77].TrimEnd() + "…";
    }
}
