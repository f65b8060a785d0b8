using System.Text;
using System.Text.RegularExpressions;
using ResearchBot.Answering.Sources;
using ResearchBot.Answering.Text;

namespace ResearchBot.Answering.References;

/// <summary>
/// The offline answer to "compare [1] and [3]": the papers side by side on the same aspects — the asked aspect when
/// the question names one, else what each proposes and what each reports — one sentence of each paper's abstract per
/// aspect, with its [n]. A paper whose abstract says nothing on an aspect is said to say nothing. Invents nothing.
/// </summary>
public static partial class SideBySide
{
    /// <summary>The comparison of <paramref name="sources"/> (numbered 1..k) on <paramref name="aspect"/> (empty: approach and results).</summary>
    public static string Write(string aspect, IReadOnlyList<NumberedSource> sources)
    {
        var sb = new StringBuilder();
        var numbers = sources.Select(s => $"[{s.N}]").ToList();
        sb.Append("Side by side, ").Append(numbers.Count == 1 ? numbers[0] : string.Join(", ", numbers.Take(numbers.Count - 1)) + " and " + numbers[^1]).Append(":\n");
        var aspectTerms = Terms.Of(aspect).Distinct().ToList();
        if (aspectTerms.Count > 0)
        {
            var related = RelatedTo(aspectTerms);
            Section(sb, $"On {aspect}", sources, s => Best(s, sentence => OnAspect(sentence, aspectTerms, related), 0.5), $"its abstract says nothing about {aspect}");
        }
        else
        {
            Section(sb, "What it proposes", sources, s => Best(s, Approach, 0.5), "its abstract does not state its own method");
            Section(sb, "What it reports", sources, s => Best(s, Result, 1), "its abstract reports no results");
        }
        return sb.ToString().TrimEnd();
    }

    /// <summary>
    /// The answer to an aspect question about listed papers ("what do [3] and [4] cost in memory?"): each paper's sentence
    /// on the aspect, with its [n]; papers whose abstract is silent on it are named in one closing line.
    /// </summary>
    public static string OnAspect(string aspect, IReadOnlyList<NumberedSource> sources)
    {
        var terms = Terms.Of(aspect).Distinct().ToList();
        var related = RelatedTo(terms);
        var sb = new StringBuilder();
        var silent = new List<int>();
        foreach (var source in sources)
        {
            if (Best(source, sentence => OnAspect(sentence, terms, related), 0.5) is { } sentence)
                sb.Append("- ").Append(ShortName(source.Paper.Title)).Append(": ").Append(sentence).Append(" [").Append(source.N).Append("]\n");
            else silent.Add(source.N);
        }
        if (silent.Count > 0)
        {
            var numbers = silent.Select(n => $"[{n}]").ToList();
            var which = numbers.Count == 1 ? numbers[0] : string.Join(", ", numbers.Take(numbers.Count - 1)) + " and " + numbers[^1];
            sb.Append(sb.Length == 0 ? "" : "\n").Append($"The abstract{(silent.Count == 1 ? " of" : "s of")} {which} say{(silent.Count == 1 ? "s" : "")} nothing about \"{aspect}\".");
        }
        return sb.ToString().TrimEnd();
    }

    private static HashSet<string> RelatedTo(IEnumerable<string> terms) =>
        terms.SelectMany(t => Related.TryGetValue(t, out var words) ? words : []).ToHashSet();

    private static void Section(StringBuilder sb, string heading, IReadOnlyList<NumberedSource> sources, Func<NumberedSource, string?> pick, string none)
    {
        sb.Append('\n').Append(heading).Append(":\n");
        foreach (var source in sources)
        {
            sb.Append("- ").Append(ShortName(source.Paper.Title)).Append(": ");
            sb.Append(pick(source) is { } sentence ? $"{sentence} [{source.N}]" : $"{none} [{source.N}].").Append('\n');
        }
    }

    /// <summary>The best-scoring sentence of the abstract at or above <paramref name="minimum"/>; earlier sentences win ties.</summary>
    private static string? Best(NumberedSource source, Func<string, double> score, double minimum) => Top(source, score, minimum, 1).FirstOrDefault();

    /// <summary>Up to <paramref name="count"/> sentences scoring at least <paramref name="minimum"/>, best first (earlier sentences win ties), none repeated from <paramref name="skip"/>.</summary>
    internal static IReadOnlyList<string> Top(NumberedSource source, Func<string, double> score, double minimum, int count, IEnumerable<string>? skip = null)
    {
        var skipped = skip?.ToHashSet() ?? [];
        return Sentences.Split(source.Paper.Abstract)
            .Select((sentence, i) => (sentence, i, s: score(sentence)))
            .Where(x => x.s >= minimum - 1e-9 && !skipped.Contains(x.sentence))
            .OrderByDescending(x => x.s).ThenBy(x => x.i)
            .Take(count).OrderBy(x => x.i).Select(x => x.sentence).ToList();
    }

    /// <summary>How well a sentence speaks to the aspect: its words or related ones ("memory" → footprint, cache size), a figure
    /// when the aspect is measurable, never a background sentence.</summary>
    private static double OnAspect(string sentence, IReadOnlyList<string> terms, IReadOnlySet<string> related)
    {
        var words = Terms.Of(sentence).ToHashSet();
        var direct = terms.Count(words.Contains) / (double)terms.Count;
        var near = related.Count > 0 && words.Overlaps(related) ? 0.6 : 0;
        var figure = related.Count > 0 && Figure().IsMatch(sentence) ? 0.3 : 0;
        var background = Background().IsMatch(sentence) || (Problem().IsMatch(sentence) && !Proposes().IsMatch(sentence)) ? -1 : 0;
        return Math.Max(direct, near) + figure + background;
    }

    // Words that answer a measurable aspect, as stems (see Terms.Stem).
    private static readonly Dictionary<string, string[]> Related = Build(new()
    {
        ["memory"] = ["memory", "footprint", "size", "compression", "compress", "ratio", "gpu", "storage", "bytes", "gb"],
        ["cost"] = ["cost", "memory", "compute", "flops", "latency", "efficient", "efficiency", "cheap", "budget", "overhead"],
        ["speed"] = ["speed", "speedup", "faster", "latency", "throughput", "accelerate", "acceleration", "fps", "time"],
        ["fast"] = ["speed", "speedup", "faster", "latency", "throughput", "accelerate", "acceleration", "fps"],
        ["faster"] = ["speed", "speedup", "faster", "latency", "throughput", "accelerate", "acceleration", "fps"],
        ["fastest"] = ["speed", "speedup", "faster", "latency", "throughput", "accelerate", "acceleration", "fps"],
        ["efficient"] = ["efficient", "efficiency", "memory", "compute", "flops", "latency", "throughput", "speedup", "cost"],
        ["efficiency"] = ["efficient", "efficiency", "memory", "compute", "flops", "latency", "throughput", "speedup", "cost"],
        ["speedup"] = ["speed", "speedup", "faster", "latency", "throughput", "accelerate", "acceleration"],
        ["latency"] = ["latency", "speed", "speedup", "faster", "throughput", "time"],
        ["throughput"] = ["throughput", "speed", "speedup", "faster", "latency"],
        ["accuracy"] = ["accuracy", "accurate", "performance", "score", "benchmark", "outperform", "state-of-the-art", "quality"],
        ["performance"] = ["performance", "accuracy", "score", "benchmark", "outperform", "quality"],
        ["result"] = ["achieve", "outperform", "improve", "reduce", "accuracy", "performance", "speedup"],
    });

    private static Dictionary<string, string[]> Build(Dictionary<string, string[]> words) =>
        words.GroupBy(kv => Terms.Stem(kv.Key)).ToDictionary(g => g.Key, g => g.SelectMany(kv => kv.Value).SelectMany(Terms.Of).Distinct().ToArray());

    internal static double Approach(string sentence) =>
        (Proposes().IsMatch(sentence) ? 1 : 0) + (Background().IsMatch(sentence) ? -1 : 0);

    internal static double Result(string sentence) =>
        (Figure().IsMatch(sentence) ? 1 : 0) + (Reports().IsMatch(sentence) ? 0.6 : 0) + (Background().IsMatch(sentence) ? -1 : 0);

    /// <summary>"MiniCache" for "MiniCache: KV Cache Compression in Depth Dimension …"; short titles stay whole.</summary>
    internal static string ShortName(string title)
    {
        var colon = title.IndexOf(':');
        return colon is > 0 and <= 60 ? title[..colon].Trim() : title.Length <= 80 ? title : title[..77].TrimEnd() + "…";
    }

    [GeneratedRegex(@"\b(?:we|this (?:paper|work)|in this (?:paper|work),? we|here,? we|our (?:method|approach|framework|model))\s+(?:\w+\s+){0,3}?(?:propose|proposes|introduce|introduces|present|presents|develop|develops|design|designs|build|builds|describe|describes|leverage|leverages|use|uses|employ|employs|compress|compresses|exploit|exploits)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Proposes();

    [GeneratedRegex(@"\d+(?:\.\d+)?\s*(?:%|×|x\b|times\b|-fold\b|points?\b)|\b\d+(?:\.\d+)?x\b", RegexOptions.IgnoreCase)]
    private static partial Regex Figure();

    [GeneratedRegex(@"\b(?:achiev\w*|outperform\w*|improv\w*|reduc\w*|speed\w*|accelerat\w*|surpass\w*|match\w*|demonstrat\w*|show(?:s|ed|n)?|results?|experiments?|evaluat\w*)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Reports();

    [GeneratedRegex(@"\b(?:existing|prior|previous|traditional|conventional|current) (?:\w+ ){0,3}?(?:methods|approaches|works|techniques|models|systems)\b|^(?:however|despite|although|while)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Background();

    [GeneratedRegex(@"\b(?:challeng\w*|bottleneck\w*|suffer\w*|struggl\w*|prohibitive\w*|hinder\w*|limitation\w*|demands?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Problem();
}
