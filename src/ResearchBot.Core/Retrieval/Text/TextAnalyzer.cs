using System.Collections.Frozen;
using System.Collections.Concurrent;

namespace ResearchBot.Retrieval.Text;

/// <summary>
/// Turns text into index terms: lowercase, split on anything but letters and digits, English stop words
/// dropped, Porter-stemmed. Stems are cached per distinct word, so analysis costs a dictionary lookup per token.
/// </summary>
public sealed class TextAnalyzer
{
    /// <summary>The analyzer every index and query in the process shares (its stem cache is thread-safe).</summary>
    public static TextAnalyzer Default { get; } = new();

    private readonly ConcurrentDictionary<string, string> _stems = new(StringComparer.Ordinal);

    /// <summary>Words that carry no topic in an index or a question.</summary>
    public static readonly FrozenStopWords StopWords = new([
        "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "if", "in", "into", "is", "it", "no", "not", "of", "on",
        "or", "such", "that", "the", "their", "then", "there", "these", "they", "this", "to", "was", "will", "with",
        "we", "our", "us", "i", "me", "my", "you", "your", "its", "from", "has", "have", "had", "been", "were", "which", "what",
        "who", "whom", "how", "why", "when", "where", "do", "does", "did", "can", "could", "should", "would", "than", "so",
        "also", "while", "via", "each", "both", "all", "any", "some", "more", "most", "other", "only", "over", "same", "very",
        "just", "about", "up", "out", "there", "here", "them", "those", "he", "she", "his", "her", "one", "e", "g", "eg", "ie", "etc",
    ]);

    /// <summary>Words that only frame a question ("which paper …", "I remember a work …") and say nothing of its topic.</summary>
    public static readonly FrozenStopWords QuestionWords = new([
        "paper", "papers", "work", "works", "article", "remember", "looking", "look", "find", "anyone", "someone", "something",
        "anything", "there", "show", "tell", "know", "want", "need", "like", "way", "ways", "got", "get", "thing", "things",
        "really", "actually", "even", "describe", "describes", "propose", "proposes", "please", "kind", "sort", "does", "did",
    ]);

    /// <summary>Appends the index terms of <paramref name="text"/> to <paramref name="terms"/>, in order.</summary>
    public void Analyze(string text, List<string> terms, bool isQuestion = false)
    {
        foreach (var word in Words(text))
        {
            if (StopWords.Contains(word) || (isQuestion && QuestionWords.Contains(word))) continue;
            terms.Add(Stem(word));
        }
    }

    /// <summary>The index terms of <paramref name="text"/>.</summary>
    public List<string> Analyze(string text, bool isQuestion = false)
    {
        var terms = new List<string>();
        Analyze(text, terms, isQuestion);
        return terms;
    }

    /// <summary>The stem of one lowercase word (cached).</summary>
    public string Stem(string word) => _stems.GetOrAdd(word, static w => PorterStemmer.Stem(w));

    /// <summary>Every lowercase word (letters and digits, accents folded, μ read as mu) of the text, in order.</summary>
    public static List<string> Words(string text)
    {
        var words = new List<string>(text.Length / 6);
        Span<char> buf = stackalloc char[64];
        var len = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            var c = i < text.Length ? text[i] : ' ';
            if (char.IsAsciiLetterOrDigit(c))
            {
                if (len < buf.Length) buf[len++] = char.ToLowerInvariant(c);
                continue;
            }
            if (c is 'μ' or 'µ') { if (len + 1 < buf.Length) { buf[len++] = 'm'; buf[len++] = 'u'; } continue; }
            if (c > 127 && char.IsLetter(c))
            {
                var folded = FoldAccent(c);
                if (folded != '\0') { if (len < buf.Length) buf[len++] = folded; continue; }
            }
            if (len > 0) { words.Add(new string(buf[..len])); len = 0; }
        }
        return words;
    }

    private static char FoldAccent(char c)
    {
        var d = c.ToString().Normalize(System.Text.NormalizationForm.FormD);
        return d.Length > 0 && char.IsAsciiLetter(d[0]) ? char.ToLowerInvariant(d[0]) : '\0';
    }
}

/// <summary>A read-only set of lowercase words.</summary>
public sealed class FrozenStopWords(IEnumerable<string> words)
{
    private readonly System.Collections.Frozen.FrozenSet<string> _set = words.ToFrozenSet(StringComparer.Ordinal);

    public bool Contains(string word) => _set.Contains(word);
}
