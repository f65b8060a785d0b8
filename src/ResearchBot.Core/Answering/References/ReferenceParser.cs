using System.Globalization;
using System.Text.RegularExpressions;
using ResearchBot.Answering.Condensing;
using ResearchBot.Text.Analysis;

namespace ResearchBot.Answering.References;

/// <summary>
/// Finds what a question refers to in the last shown list: "[2]", "[1] and [3]", "[1-3]", "paper 2", "source 3",
/// "the first / second / last one", a title or its short name ("the MiniCache paper"), and — in a short follow-up —
/// "these", "them", "both" (the list), and "they", "their", "it", "its" when the last answer was about specific listed
/// papers (the list's focus; otherwise they are left to the follow-up condenser). Pure and deterministic.
/// </summary>
public static partial class ReferenceParser
{
    private static readonly string[] OrdinalWords = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"];
    private static readonly string[] CountWords = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];

    // Words that carry no aspect of their own in a reference question ("tell me more about [2]", "compare [1] and [3]").
    // Held with their stems, as ContentTerms gives them ("compare" → "compar").
    private static readonly HashSet<string> Filler = TextAnalyzer.Default.WithStems(
    [
        "tell", "more", "compare", "comparison", "contrast", "explain", "describe", "summarize", "summarise",
        "summary", "say", "detail", "details", "differ", "difference", "different", "side", "versus", "source", "result",
        "item", "entry", "ones", "please", "again", "second", "third", "first", "last", "fourth", "fifth", "number", "show", "let",
        "talk", "know", "look", "read", "think", "about", "like", "give", "each", "other", "former", "latter", "ref", "what's",
        "report", "find", "found", "claim", "contribute", "contribution", "idea", "main", "propose", "achieve", "say", "work",
    ]);

    /// <summary>
    /// The references of <paramref name="question"/> against a list of <paramref name="titles"/> (title i is number i+1;
    /// empty when no list was shown). <paramref name="focus"/>: the list numbers the last answer was about, which
    /// "they", "their", "it" and "its" (and "both", when two) refer to in a short follow-up.
    /// </summary>
    public static ParsedReferences Parse(string question, IReadOnlyList<string> titles, IReadOnlyList<int>? focus = null)
    {
        var count = titles.Count;
        var spans = new List<(int Start, int Length, List<int> Numbers)>();
        foreach (Match m in Bracket().Matches(question)) spans.Add((m.Index, m.Length, Numbers(m.Groups["body"].Value)));
        foreach (Match m in NounNumber().Matches(question)) spans.Add((m.Index, m.Length, Numbers(m.Groups["nums"].Value)));
        if (count > 0)
        {
            foreach (Match m in Ordinal().Matches(question))
            {
                var numbers = m.Groups["o"].Captures.Select(c => OrdinalValue(c.Value, count)).ToList();
                if (numbers.All(n => n > 0)) spans.Add((m.Index, m.Length, numbers));
            }
            foreach (Match m in OrdinalBare().Matches(question))
            {
                var n = OrdinalValue(m.Groups["o"].Value, count);
                if (n > 0) spans.Add((m.Index, m.Length, [n]));
            }
            foreach (Match m in FirstOrLastFew().Matches(question))
            {
                var k = Array.IndexOf(CountWords, m.Groups["k"].Value.ToLowerInvariant()) + 1;
                var numbers = m.Groups["end"].Value.Equals("last", StringComparison.OrdinalIgnoreCase)
                    ? Enumerable.Range(Math.Max(1, count - k + 1), Math.Min(k, count)).ToList()
                    : Enumerable.Range(1, k).ToList();
                spans.Add((m.Index, m.Length, numbers));
            }
            spans.AddRange(TitleMatches(question, titles));
        }
        var kept = NonOverlapping(spans);

        var focused = focus is { Count: > 0 } && focus.All(n => n >= 1 && n <= count) ? focus.Distinct().ToList() : null;
        if (count > 0 && IsShortFollowUp(question))
        {
            if (kept.Count == 0 && FindAllOfThem(question) is { Success: true } all)
            {
                var two = TwoWord().IsMatch(all.Value);
                kept.Add((all.Index, all.Length,
                    two && focused is { Count: 2 } ? focused : Enumerable.Range(1, two ? Math.Min(2, count) : count).ToList()));
            }
            // "what about their memory cost?", "how does it compare to [3]?": the papers the last answer was about.
            else if (focused is not null && FocusPronoun(question, kept) is { } pronoun)
                kept = NonOverlapping([.. kept, (pronoun.Index, pronoun.Length, focused)]);
        }
        if (kept.Count == 0) return ParsedReferences.None;

        var positions = new List<int>();
        var missing = new SortedSet<int>();
        foreach (var n in kept.SelectMany(s => s.Numbers))
        {
            if (n >= 1 && n <= count) { if (!positions.Contains(n)) positions.Add(n); }
            else missing.Add(n);
        }
        var rest = question;
        foreach (var s in kept.OrderByDescending(s => s.Start)) rest = rest.Remove(s.Start, s.Length).Insert(s.Start, " ");
        var compare = positions.Count >= 2 && CompareWords().IsMatch(question);
        return new ParsedReferences(positions, [.. missing], compare,
            [.. kept.Select(s => (s.Start, s.Length, (IReadOnlyList<int>)s.Numbers))], Aspect(rest));
    }

    /// <summary>
    /// <paramref name="question"/> with each reference replaced by the titles it points at, quoted: what the answer was
    /// taken as. A possessive reads as a question ("what about their memory cost?" → "what about the memory cost of "A" and "B"?").
    /// </summary>
    public static string Rewrite(string question, ParsedReferences parsed, IReadOnlyList<string> titles)
    {
        var text = question;
        foreach (var (start, length, numbers) in parsed.Spans.OrderByDescending(s => s.Start))
        {
            var listed = numbers.Where(n => n >= 1 && n <= titles.Count).Distinct().ToList();
            // Up to two papers by full title; more by short name, so the line stays readable.
            var named = listed.Select(n => $"\"{(listed.Count > 2 ? SideBySide.ShortName(titles[n - 1]) : titles[n - 1])}\"").ToList();
            if (named.Count == 0) continue;
            var joined = named.Count == 1 ? named[0] : string.Join(", ", named.Take(named.Count - 1)) + " and " + named[^1];
            text = PossessivePronoun().IsMatch(text.Substring(start, length))
                ? FollowUpHeuristic.OfPossessive(text, start, length, joined)
                : text.Remove(start, length).Insert(start, joined);
        }
        return Whitespace().Replace(text, " ").Trim();
    }

    private static List<int> Numbers(string body)
    {
        var numbers = new List<int>();
        foreach (var part in NumberSeparator().Split(body))
        {
            var range = RangeSeparator().Split(part.Trim());
            if (range.Length == 2 && int.TryParse(range[0], NumberStyles.None, CultureInfo.InvariantCulture, out var a)
                && int.TryParse(range[1], NumberStyles.None, CultureInfo.InvariantCulture, out var b) && b >= a && b - a < 50)
                numbers.AddRange(Enumerable.Range(a, b - a + 1));
            else if (int.TryParse(part.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n)) numbers.Add(n);
        }
        return numbers;
    }

    private static int OrdinalValue(string word, int count)
    {
        var w = word.ToLowerInvariant();
        if (w is "last" or "final") return count;
        var i = Array.IndexOf(OrdinalWords, w);
        if (i >= 0) return i + 1;
        return int.TryParse(w.AsSpan(0, w.Length - 2), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
    }

    /// <summary>A title's full text, its short name (before a colon) and its distinctive names (RazorAttention, H2O) found in the question.</summary>
    private static IEnumerable<(int, int, List<int>)> TitleMatches(string question, IReadOnlyList<string> titles)
    {
        for (var i = 0; i < titles.Count; i++)
        {
            var title = Whitespace().Replace(titles[i], " ").Trim();
            if (title.Length == 0) continue;
            // Whole titles and multi-word short names match in any case; a one-word name ("MiniCache", "ThinK") matches as
            // written, or in any case when framed as "the minicache paper" — so "I think …" is not ThinK.
            var names = new List<(string Name, bool AnyCase)> { (title, true) };
            var colon = title.IndexOf(':');
            if (colon > 0)
            {
                var shortName = title[..colon].Trim();
                var words = shortName.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
                if (words <= 5 && shortName.Length >= 3 && !GenericNames.Contains(shortName)) names.Add((shortName, words > 1));
            }
            foreach (var token in NameToken().Matches(title).Select(m => m.Value).Distinct())
            {
                if (!IsCamelCaseName(token) || GenericNames.Contains(token)) continue;
                if (titles.Where((t, j) => j != i).Any(t => t.Contains(token, StringComparison.OrdinalIgnoreCase))) continue;
                names.Add((token, false));
            }
            foreach (var (name, anyCase) in names)
            {
                var escaped = Regex.Escape(name);
                var m = Regex.Match(question, $@"(?<![\w-])(?:the\s+)?{escaped}(?![\w-])(?:\s+(?:paper|method|model|work|approach|one)\b)?",
                    anyCase ? RegexOptions.IgnoreCase | RegexOptions.CultureInvariant : RegexOptions.CultureInvariant);
                if (!m.Success && !anyCase)
                    m = Regex.Match(question, $@"\bthe\s+{escaped}\s+(?:paper|method|model|work|approach)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
                if (m.Success) { yield return (m.Index, m.Length, [i + 1]); break; }
            }
        }
    }

    /// <summary>A made-up name: an upper-case letter inside a word (MiniCache, ThinK, LOOK-M; not Memory-Efficient) or letters mixed with digits (H2O).</summary>
    private static bool IsCoined(string name) =>
        name.Length >= 3 && !name.Contains(' ')
        && (Enumerable.Range(1, name.Length - 1).Any(i => char.IsUpper(name[i]) && char.IsLetterOrDigit(name[i - 1]))
            || (name.Any(char.IsDigit) && name.Any(char.IsLetter)));

    /// <summary>A CamelCase name inside a title ("RazorAttention", "MiniCache"), not an acronym: acronyms (DPO, BERT) name many papers' subjects.</summary>
    private static bool IsCamelCaseName(string token) =>
        token.Length >= 5 && token.Any(char.IsLower) && token.Count(char.IsUpper) >= 2 && IsCoined(token);

    private static readonly HashSet<string> GenericNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "LLM", "LLMs", "VLM", "VLMs", "MLLM", "MLLMs", "LMs", "GPT", "GPUs", "GPU", "CPUs", "KV", "RL", "RLHF", "NLP", "AI", "QA", "VQA", "CoT",
        "LoRA", "MoE", "ViT", "ViTs", "SOTA", "API", "APIs", "3D", "2D", "4D", "DiT", "DiTs", "SFT", "RAG", "GNN", "GNNs", "CNN", "CNNs", "RNN", "RNNs",
        "LLaMA", "LLaVA", "ChatGPT", "DeepSeek", "OpenAI", "PyTorch", "GitHub", "HuggingFace", "ImageNet", "QLoRA", "TinyLlama", "AlphaFold",
        "AlphaCode", "AlphaGo", "MuZero", "WebArena", "HumanEval", "MiniGPT", "BitNet", "FlashAttention", "YouTube", "TikTok", "LaTeX", "JavaScript", "TypeScript",
    };

    /// <summary>"them", "both", "all of these", "these papers", "these" (not "these benchmarks": a demonstrative before another noun is not a reference).</summary>
    private static Match? FindAllOfThem(string question)
    {
        foreach (Match m in AllOfThem().Matches(question))
        {
            if (!m.Groups["bare"].Success) return m;
            var next = NextWord().Match(question, m.Index + m.Length);
            if (!next.Success || TextAnalyzer.Default.ContentTerms(next.Groups[1].Value).Count == 0) return m;
        }
        return null;
    }

    /// <summary>
    /// The first "they", "their", "it", "its" (or "this paper", "that method") outside <paramref name="taken"/>, in a
    /// follow-up of at most four words of its own; not a dummy "is it possible to …", nor in a new search ("which papers quantize it?").
    /// </summary>
    private static Match? FocusPronoun(string question, List<(int Start, int Length, List<int> Numbers)> taken)
    {
        if (DummyIt().IsMatch(question) || NewSearch().IsMatch(question) || TextAnalyzer.Default.ContentTerms(question).Count(t => !Filler.Contains(t)) > 4) return null;
        return FocusPronounWord().Matches(question)
            .FirstOrDefault(m => !taken.Any(t => m.Index < t.Start + t.Length && t.Start < m.Index + m.Length));
    }

    private static List<(int Start, int Length, List<int> Numbers)> NonOverlapping(List<(int Start, int Length, List<int> Numbers)> spans)
    {
        var kept = new List<(int Start, int Length, List<int> Numbers)>();
        foreach (var s in spans.OrderBy(s => s.Start).ThenByDescending(s => s.Length))
            if (kept.Count == 0 || s.Start >= kept[^1].Start + kept[^1].Length) kept.Add(s);
        return kept;
    }

    // Pronouns point back only in a short follow-up; a long question with "them" is a new question.
    private static bool IsShortFollowUp(string question) => TextAnalyzer.Default.ContentTerms(question).Count(t => !Filler.Contains(t)) <= 5;

    private static string Aspect(string rest)
    {
        var words = Word().Matches(rest).Select(m => m.Value)
            .Where(w => TextAnalyzer.Default.ContentTerms(w) is { Count: > 0 } t && !t.All(Filler.Contains) && !Filler.Contains(w.ToLowerInvariant()));
        return string.Join(' ', words);
    }

    [GeneratedRegex(@"[\[【]\s*(?<body>\d{1,3}(?:\s*[,;\-–]\s*\d{1,3})*)\s*[\]】]")]
    private static partial Regex Bracket();

    [GeneratedRegex(@"(?:\b(?:papers?|sources?|results?|references?|refs?|items?|entry|entries|numbers?|no\.)\s*|#)(?<nums>\d{1,2}(?:\s*(?:,|and|&|or|-|–|to)\s*\d{1,2})*)(?![.\d])(?!\s*(?:%|x\b|times|papers|days|years|tokens|billion|million|k\b|b\b))", RegexOptions.IgnoreCase)]
    private static partial Regex NounNumber();

    private const string Ord = @"first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|final|\d{1,2}(?:st|nd|rd|th)";

    // "the second one", "the first and third papers", "the last source"; not "the first paper to/that …" (a new question).
    [GeneratedRegex(@"\b(?:the\s+)?(?<o>" + Ord + @")(?:\s*(?:,|and|&|or)\s*(?:the\s+)?(?<o>" + Ord + @"))*\s+(?:one|ones|paper|papers|source|sources|result|results|item|items|entry|entries|reference|references|work|works|article|articles|link)\b(?!\s+(?:to|that|which|who|ever)\b)", RegexOptions.IgnoreCase)]
    private static partial Regex Ordinal();

    // "tell me more about the second", "the last?" — an ordinal with no noun, at the end of a clause.
    [GeneratedRegex(@"\bthe\s+(?<o>" + Ord + @")(?=\s*(?:[?.!,;]|$))", RegexOptions.IgnoreCase)]
    private static partial Regex OrdinalBare();

    [GeneratedRegex(@"\bthe\s+(?<end>first|last)\s+(?<k>two|three|four|five)\b(?:\s+(?:ones|papers|sources|results))?", RegexOptions.IgnoreCase)]
    private static partial Regex FirstOrLastFew();

    [GeneratedRegex(@"\b(?:all\s+(?:of\s+)?(?:them|these|those)|each\s+of\s+(?:them|these|those)|both(?:\s+of\s+them|\s+papers|\s+sources)?|(?:these|those)\s+two(?:\s+(?:papers|sources|ones))?|(?:these|those)\s+(?:papers|sources|ones|works|results|methods|approaches|studies|models)|(?<bare>these|those)|them)\b", RegexOptions.IgnoreCase)]
    private static partial Regex AllOfThem();

    [GeneratedRegex(@"\b(?:their|theirs|they|its|it|(?:this|that)\s+(?:paper|method|model|approach|work|one))\b", RegexOptions.IgnoreCase)]
    private static partial Regex FocusPronounWord();

    [GeneratedRegex(@"\b(?:which|what|any|other|more|find|list|show)\s+(?:\w+\s+)?(?:papers|works|studies|articles)\b", RegexOptions.IgnoreCase)]
    private static partial Regex NewSearch();

    [GeneratedRegex(@"^(?:its|their|theirs)$", RegexOptions.IgnoreCase)]
    private static partial Regex PossessivePronoun();

    [GeneratedRegex(@"\b(?:is|was|isn't|wasn't)\s+it\s+(?:possible|true|feasible|worth|necessary|enough|known|common|hard|easy)\b", RegexOptions.IgnoreCase)]
    private static partial Regex DummyIt();

    [GeneratedRegex(@"\G\s+([\p{L}\p{N}'\-]+)")]
    private static partial Regex NextWord();

    [GeneratedRegex(@"\b(?:both|two)\b", RegexOptions.IgnoreCase)]
    private static partial Regex TwoWord();

    [GeneratedRegex(@"\b(?:compare|compared|comparing|comparison|contrast|versus|vs\.?|differ|differs|difference|differences|different|side by side|better|worse)\b", RegexOptions.IgnoreCase)]
    private static partial Regex CompareWords();

    [GeneratedRegex(@"[A-Za-z0-9][\w\-]*[A-Za-z0-9]|[A-Za-z0-9]")]
    private static partial Regex NameToken();

    [GeneratedRegex(@"[\p{L}\p{N}][\p{L}\p{N}'\-]*")]
    private static partial Regex Word();

    [GeneratedRegex(@"\s*(?:,|and|&|or|;)\s*", RegexOptions.IgnoreCase)]
    private static partial Regex NumberSeparator();

    [GeneratedRegex(@"\s*(?:-|–|to)\s*")]
    private static partial Regex RangeSeparator();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
