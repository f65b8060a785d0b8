using System.Text.RegularExpressions;

namespace ResearchBot.Answering.Offline;

/// <summary>
/// The measurable aspects a question asks about (memory, speed, cost, accuracy) and whether a sentence speaks of
/// one of them: "what about its memory cost?" wants the sentences that say how much memory, with their figures.
/// </summary>
public sealed partial class QuestionAspects
{
    private readonly List<Aspect> _asked;

    private QuestionAspects(List<Aspect> asked) => _asked = asked;

    /// <summary>The aspects <paramref name="question"/> asks about (none for a plain topic question).</summary>
    public static QuestionAspects Of(string question) => new([.. All.Where(a => a.Asked.IsMatch(question))]);

    /// <summary>True when the question asks about at least one measurable aspect.</summary>
    public bool Any => _asked.Count > 0;

    /// <summary>The names of the aspects asked about ("memory", "speed", "cost", "accuracy").</summary>
    public IEnumerable<string> Names => _asked.Select(a => a.Name);

    /// <summary>True when <paramref name="sentence"/> speaks of one of the aspects asked about.</summary>
    public bool SpokenOf(string sentence) => _asked.Any(a => a.Spoken.IsMatch(sentence));

    private sealed record Aspect(string Name, Regex Asked, Regex Spoken);

    private static readonly Aspect[] All =
    [
        new("memory", MemoryAsked(), MemorySpoken()),
        new("speed", SpeedAsked(), SpeedSpoken()),
        new("cost", CostAsked(), CostSpoken()),
        new("accuracy", AccuracyAsked(), AccuracySpoken()),
    ];

    [GeneratedRegex(@"\b(?:memory|footprint|v?ram|storage|cache size|space|compression ratio)\b", RegexOptions.IgnoreCase)]
    private static partial Regex MemoryAsked();

    [GeneratedRegex(@"\b(?:memory|footprint|cache size|compression ratio|compress\w*|storage|[GMT]i?B|smaller|bytes?|bits?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex MemorySpoken();

    [GeneratedRegex(@"\b(?:speed\w*|fast\w*|quick\w*|slow\w*|latency|throughput|runtime|run time|wall-clock|how long|time to|efficien\w*|accelerat\w*)\b", RegexOptions.IgnoreCase)]
    private static partial Regex SpeedAsked();

    [GeneratedRegex(@"\b(?:speed\w*|faster|latency|throughput|accelerat\w*|wall-clock|time|tokens/s|per second|efficien\w*)\b|\d(?:\.\d+)?\s*(?:x|×)\b", RegexOptions.IgnoreCase)]
    private static partial Regex SpeedSpoken();

    [GeneratedRegex(@"\b(?:cost\w*|cheap\w*|expensive|price|budget|compute|flops|energy|gpu hours|resources?|overhead|efficien\w*)\b", RegexOptions.IgnoreCase)]
    private static partial Regex CostAsked();

    [GeneratedRegex(@"\b(?:cost\w*|cheaper|budget|compute|flops|energy|gpu hours|fewer|less|overhead|resources?|efficien\w*|parameters|tokens)\b", RegexOptions.IgnoreCase)]
    private static partial Regex CostSpoken();

    [GeneratedRegex(@"\b(?:accura\w*|perform\w*|scores?|quality|how well|how good|benchmarks?|results?|error rates?|win rates?|pass@\d*|gains?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex AccuracyAsked();

    [GeneratedRegex(@"\b(?:accura\w*|perform\w*|scores?|outperform\w*|improv\w*|gains?|state-of-the-art|sota|error|pass@\d*|win rate|points?)\b|%", RegexOptions.IgnoreCase)]
    private static partial Regex AccuracySpoken();
}
