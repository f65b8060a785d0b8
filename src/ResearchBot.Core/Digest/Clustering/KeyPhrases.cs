using System.Text.RegularExpressions;
using ResearchBot.Text.Analysis;
using ResearchBot.Papers;

namespace ResearchBot.Digest.Clustering;

/// <summary>
/// Candidate theme names of a paper: runs of one to three content words from its title and abstract (an inner "of"
/// allowed, as in "mixture of experts"), cut at punctuation, function words, verbs and adverbs, each keyed by the
/// light stems of <see cref="TextAnalyzer.ContentTerms"/> (<see cref="Stemming.Light"/>), so "KV caches" and "KV cache" are one phrase.
/// </summary>
public static partial class KeyPhrases
{
    /// <summary>The stem key of a phrase ("Test-time scaling" → "test-time scal").</summary>
    public static string Key(string phrase) => string.Join(' ', TextAnalyzer.Default.ContentTerms(phrase, Stemming.Light));

    /// <summary>The phrase keys of <paramref name="paper"/>; <paramref name="surfaces"/> counts each key's spellings.</summary>
    public static PaperPhrases Of(Paper paper, Dictionary<string, Dictionary<string, int>>? surfaces = null)
    {
        var title = new Dictionary<string, int>(StringComparer.Ordinal);
        var body = new Dictionary<string, int>(StringComparer.Ordinal);
        Collect(paper.Title, title, surfaces);
        Collect(paper.Abstract, body, surfaces);
        var all = new HashSet<string>(title.Keys.Concat(body.Keys), StringComparer.Ordinal);
        var strong = new HashSet<string>(title.Keys.Concat(body.Where(kv => kv.Value >= 2).Select(kv => kv.Key)), StringComparer.Ordinal);
        return new PaperPhrases(all, title.Keys.ToHashSet(StringComparer.Ordinal), strong);
    }

    /// <summary>True when no word of the phrase key says anything specific ("large language model", "performance").</summary>
    public static bool IsGeneric(string key) => key.Split(' ').All(Generic.Contains);

    /// <summary>
    /// True when a single word reads as a noun on its own: an acronym or a name with inner capitals ("GPU", "LoRA"), a
    /// plural, or a typical noun ending ("-tion", "-ment", "-ing", "-er", "-ics").
    /// </summary>
    public static bool IsNounLike(string word)
    {
        if (word.Skip(1).Any(char.IsUpper) || word.Any(char.IsDigit)) return true;
        var w = word.ToLowerInvariant();
        if (w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal) && !w.EndsWith("us", StringComparison.Ordinal) && !w.EndsWith("is", StringComparison.Ordinal)) return true;
        string[] endings = ["tion", "sion", "ment", "ness", "ity", "ing", "ism", "ics", "ure", "er", "or", "ance", "ence", "ogy", "phy", "ysis", "age", "ship", "dom", "ry", "metic"];
        return endings.Any(e => w.EndsWith(e, StringComparison.Ordinal)) && !NotNouns.Contains(w);
    }

    private static readonly HashSet<string> NotNouns = new(StringComparer.Ordinal) { "other", "over", "under", "better", "faster", "larger", "longer", "higher", "lower", "every", "very", "during", "bring", "sing" };

    /// <summary>True for a word that describes rather than names ("scalable", "adaptive", "trained"): a phrase never ends with one.</summary>
    private static bool IsModifier(string w) =>
        !NounEndings.Contains(w) && (w.EndsWith("able", StringComparison.Ordinal) || w.EndsWith("ible", StringComparison.Ordinal)
            || w.EndsWith("ive", StringComparison.Ordinal) || w.EndsWith("ous", StringComparison.Ordinal) || w.EndsWith("ful", StringComparison.Ordinal)
            || w.EndsWith("less", StringComparison.Ordinal) || w.EndsWith("ed", StringComparison.Ordinal) || w.EndsWith("ic", StringComparison.Ordinal)
            || (w.EndsWith("al", StringComparison.Ordinal) && w.Length > 4) || w.EndsWith("ant", StringComparison.Ordinal) || w.EndsWith("ent", StringComparison.Ordinal) && !w.EndsWith("ment", StringComparison.Ordinal));

    private static readonly HashSet<string> NounEndings = new(StringComparer.Ordinal)
    {
        "retrieval", "interval", "proposal", "signal", "removal", "rival", "arrival", "approval", "survival", "journal", "manual", "tutorial", "potential",
        "terminal", "portal", "reversal", "traversal", "denial", "trial", "agent", "gradient", "student", "client", "content", "assistant", "component",
        "embed", "seed", "speed", "feed", "need", "logic", "topic", "music", "graphic", "metric", "heuristic", "arithmetic", "rubric", "clinic",
        "objective", "alternative", "directive", "primitive", "narrative", "incentive", "perspective", "detective", "adjective", "collective", "executive",
        "variable", "table", "cable", "label", "bible", "vehicle", "detail", "tail", "rail", "tensor", "latent", "patient", "percent", "constant",
        "restaurant", "participant", "variant", "tenant", "consultant", "plant", "dialog", "catalog", "critic",
    };

    /// <summary>
    /// True when a phrase as spelled would read as a cut-off piece rather than a name: it starts or ends with a function
    /// word ("Attention on", "of large language"), ends with a word that needs its noun ("Development of large language",
    /// "Proximal policy" is fine, "Monte Carlo" too), starts with a verb ("Fall short"), or is a number.
    /// </summary>
    public static bool IsFragment(string surface)
    {
        var words = surface.Split([' '], StringSplitOptions.RemoveEmptyEntries).Select(w => w.ToLowerInvariant()).ToArray();
        if (words.Length == 0 || words.All(w => w.All(c => char.IsDigit(c) || c is '.' or ',' or '%' or '-'))) return true;
        return FunctionWords.Contains(words[0]) || FunctionWords.Contains(words[^1]) || NeedsNoun.Contains(words[^1]) || VerbStarts.Contains(words[0])
            || words.Any(Boilerplate.Contains) || words[0].Any(char.IsDigit)
            || (words.Length == 1 && (words[0].Length < 5 && !surface.Any(char.IsUpper)));
    }

    private static readonly HashSet<string> FunctionWords = new(StringComparer.Ordinal)
    {
        "of", "on", "in", "for", "to", "with", "and", "or", "the", "a", "an", "via", "by", "from", "at", "as", "into", "than", "that", "this", "these", "its", "their", "our",
    };

    /// <summary>Words of an abstract's framing ("future research", "fundamental challenge", "downstream tasks"), never a theme's name.</summary>
    private static readonly HashSet<string> Boilerplate = new(StringComparer.Ordinal)
    {
        "future", "fundamental", "challenge", "challenges", "candidate", "candidates", "downstream", "promising", "significant", "remarkable", "various",
        "several", "different", "specific", "key", "main", "recent", "success", "advantage", "advantages", "domain", "knowledge", "cost", "costs", "point",
        "orders", "magnitude", "later", "gap", "gaps", "utility", "practical", "base", "stage", "stages", "growth", "overhead", "budget", "trillion",
    };

    private static readonly HashSet<string> NeedsNoun = new(StringComparer.Ordinal) { "language", "large", "small", "new", "novel", "proximal", "short", "such", "first", "more", "less" };

    private static readonly HashSet<string> VerbStarts = new(StringComparer.Ordinal) { "fall", "falls", "make", "makes", "take", "takes", "show", "shows", "lead", "leads", "yield", "yields", "achieve", "achieves" };

    /// <summary>True for a single word that names a broad area rather than a theme ("reasoning", "agents").</summary>
    public static bool IsBroad(string key) => !key.Contains(' ') && Broad.Contains(key);

    private static void Collect(string text, Dictionary<string, int> keys, Dictionary<string, Dictionary<string, int>>? surfaces)
    {
        foreach (var run in Runs(text))
        {
            for (var i = 0; i < run.Count; i++)
            {
                if (run[i].Stem is null) continue; // a phrase never starts with "of"
                for (var len = 1; len <= 4 && i + len <= run.Count; len++)
                {
                    var last = run[i + len - 1];
                    if (last.Stem is null) continue;
                    var words = run.Skip(i).Take(len).ToList();
                    var content = words.Count(w => w.Stem is not null);
                    if (content > 3) break;
                    var key = string.Join(' ', words.Where(w => w.Stem is not null).Select(w => w.Stem));
                    if (IsGeneric(key) || IsModifier(words[^1].Text.ToLowerInvariant())) continue;
                    keys[key] = keys.GetValueOrDefault(key) + 1;
                    if (surfaces is null) continue;
                    var surface = string.Join(' ', words.Select(w => w.Text));
                    var forms = surfaces.TryGetValue(key, out var f) ? f : surfaces[key] = new(StringComparer.Ordinal);
                    forms[surface] = forms.GetValueOrDefault(surface) + 1;
                }
            }
        }
    }

    /// <summary>Runs of phrase words: content words (with their stem) and inner "of" (stem null).</summary>
    private static IEnumerable<List<(string Text, string? Stem)>> Runs(string text)
    {
        var run = new List<(string Text, string? Stem)>();
        var previousEnd = 0;
        foreach (Match m in Word().Matches(text))
        {
            var gap = text[previousEnd..m.Index];
            previousEnd = m.Index + m.Length;
            if (gap.Any(c => !char.IsWhiteSpace(c))) { foreach (var r in Flush(run)) yield return r; }
            var word = m.Value.Trim('-');
            var lower = word.ToLowerInvariant();
            if (lower == "of" && run.Count > 0 && run[^1].Stem is not null) { run.Add((word, null)); continue; }
            var stems = TextAnalyzer.Default.ContentTerms(lower, Stemming.Light);
            if (stems.Count != 1 || Breakers.Contains(lower) || Breakers.Contains(stems[0]) || IsAdverbOrNumber(lower) || lower.Length < 2)
            {
                foreach (var r in Flush(run)) yield return r;
                continue;
            }
            run.Add((word, stems[0]));
        }
        foreach (var r in Flush(run)) yield return r;
    }

    private static IEnumerable<List<(string Text, string? Stem)>> Flush(List<(string Text, string? Stem)> run)
    {
        while (run.Count > 0 && run[^1].Stem is null) run.RemoveAt(run.Count - 1);
        if (run.Count > 0) yield return [.. run];
        run.Clear();
    }

    private static bool IsAdverbOrNumber(string w) =>
        (w.EndsWith("ly", StringComparison.Ordinal) && w.Length > 4 && w is not ("family" or "anomaly" or "assembly" or "supply" or "reply" or "apply"))
        || !w.Any(char.IsLetter);

    /// <summary>Words that end a phrase: verbs, adjectives of judgement and quantity, and vague nouns that make no name.</summary>
    private static readonly HashSet<string> Breakers = new(StringComparer.Ordinal)
    {
        "achieve", "achieves", "achieved", "achieving", "improve", "improves", "improved", "improving", "outperform", "outperforms", "outperforming",
        "enable", "enables", "enabling", "allow", "allows", "allowing", "require", "requires", "required", "requiring", "remain", "remains",
        "demonstrate", "demonstrates", "demonstrated", "reveal", "reveals", "provide", "provides", "providing", "yield", "yields", "reach", "reaches",
        "leverage", "leverages", "leveraging", "perform", "performs", "consist", "consists", "include", "includes", "including", "called", "termed",
        "named", "known", "trained", "designed", "built", "learned", "obtained", "compared", "observed", "shown", "found", "given", "suggest",
        "suggests", "significant", "significantly", "substantial", "novel", "various", "different", "several", "diverse", "recent", "current",
        "key", "crucial", "critical", "important", "effective", "strong", "first", "simple", "further", "previous", "prior", "extensive", "comprehensive",
        "remarkable", "impressive", "promising", "superior", "competitive", "consistent", "consistently", "specific", "general", "typical", "common",
        "widely", "often", "even", "still", "yet", "however", "thus", "therefore", "moreover", "furthermore", "additionally", "despite", "because",
        "whether", "often", "able", "capable", "better", "best", "higher", "lower", "larger", "smaller", "fewer", "less", "high", "low", "due", "per",
        "like", "unlike", "among", "within", "toward", "towards", "upon", "after", "before", "against", "along", "around", "beyond", "during",
        "three", "four", "five", "ten", "single", "multiple", "specifically", "particular", "particularly", "respectively", "overall", "additional",
        "state-of-the-art", "sota", "art", "open-source", "publicly", "available", "code", "github", "https", "http", "com", "org", "www",
        "lead", "leads", "led", "make", "makes", "take", "takes", "call", "help", "helps", "see", "seen", "become", "becomes", "focus", "focuses",
        "aim", "aims", "seek", "seeks", "tackle", "address", "addresses", "explore", "explores", "investigate", "investigates", "study", "analyze",
        "release", "releases", "released", "set", "sets", "way", "ways", "lack", "lacks", "fail", "fails", "struggle", "struggles", "suffer", "suffers",
        "unlock", "unlocks", "unlocking", "increase", "increases", "increasing", "decrease", "decreasing", "boost", "boosting", "mitigate", "mitigating",
        "enhance", "enhances", "enhancing", "rethinking", "rethink", "towards", "beyond", "insight", "insights", "potential", "million", "billion",
        "thousand", "hundred", "arbitrary", "machine", "recipe", "updates", "update", "lesson", "lessons", "step-by-step", "meet", "meets", "matter",
        "matters", "need", "needs", "faster", "slower", "building", "solving", "discrete", "continuous", "hybrid", "fast", "slow", "discovery",
        "reduce", "reduces", "reducing", "accelerate", "accelerates", "accelerating", "optimize", "optimizes", "optimizing", "generating",
        "advance", "advances", "advancing", "progress", "grow", "grows", "growing", "toward", "revisiting", "revisit", "understanding", "scaling-up", "effectively", "efficiently", "whereas", "namely", "existing", "proposed", "introduced", "presented", "recently", "notably", "up", "times",
    };

    /// <summary>Stems too common in AI papers to name a theme on their own.</summary>
    private static readonly HashSet<string> Generic = Stemmed(
    [
        "model", "language", "natural", "larg", "large", "llm", "llms", "lm", "task", "performance", "result", "data", "learn", "train", "system", "problem",
        "framework", "ability", "capability", "challenge", "accuracy", "efficiency", "quality", "baseline", "experiment", "analysis", "application",
        "information", "process", "research", "field", "domain", "input", "output", "time", "cost", "number", "level", "range", "type",
        "improvement", "gain", "art", "state", "network", "neural", "deep", "ai", "artificial", "intelligence", "technique", "strategy", "solution",
        "mechanism", "component", "module", "design", "setting", "scenario", "case", "example", "term", "aspect", "feature", "factor", "limitation",
        "issue", "question", "goal", "objective", "need", "use", "user", "human", "world", "real", "real-world", "practical", "practice", "end",
        "evaluate", "evaluation", "benchmark", "dataset", "experimental", "empirical", "theoretical", "effect", "impact", "role", "scale", "size",
        "order", "step", "stage", "part", "form", "kind", "variety", "amount", "degree", "power", "work", "paper", "version", "source", "generate",
        "method", "approach", "algorithm", "architecture", "pipeline", "computational", "comput", "computation",
    ]);

    /// <summary>Stems that name a broad area, not a theme, when they stand alone ("agents", "reasoning", "video").</summary>
    private static readonly HashSet<string> Broad = Stemmed(
    [
        "generation", "generate", "tool", "agent", "reason", "method", "approach", "algorithm", "architecture", "pipeline", "computational", "comput",
        "computation", "efficient", "robust", "robustnes", "error", "precision", "memory", "speed", "resource", "hardware", "sample", "loss",
        "function", "distribution", "parameter", "weight", "layer", "token", "text", "image", "video", "visual", "vision", "multimodal", "signal",
        "context", "knowledge", "query", "optimization", "optimiz", "inference", "attention", "transformer", "representation", "policy", "reward",
        "search", "control", "prediction", "predict", "feedback", "instruction", "prompt", "alignment", "align", "fine-tun", "adaptation",
    ]);

    private static HashSet<string> Stemmed(string[] words) => new(words.Select(w => TextAnalyzer.Default.Stem(w, Stemming.Light)), StringComparer.Ordinal);

    [GeneratedRegex(@"[\p{L}\p{N}][\p{L}\p{N}\-']*")]
    private static partial Regex Word();
}

/// <summary>The phrase keys of one paper: all of them, those in its title, and those it is about (in its title or twice in its abstract).</summary>
public sealed record PaperPhrases(IReadOnlySet<string> All, IReadOnlySet<string> Title, IReadOnlySet<string> Strong);
