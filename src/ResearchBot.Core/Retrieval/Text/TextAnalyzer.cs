using System.Collections.Concurrent;
using System.Collections.Frozen;

namespace ResearchBot.Retrieval.Text;

/// <summary>
/// Turns text into index terms: lowercase words of letters and digits (accents folded, μ read as mu),
/// English stop words dropped, Porter-stemmed. Stems are cached per distinct word and looked up by span,
/// so analysis allocates nothing per token once a word has been seen.
/// </summary>
public sealed class TextAnalyzer
{
    /// <summary>The analyzer every index and query in the process shares (its stem cache is thread-safe).</summary>
    public static TextAnalyzer Default { get; } = new();

    private const int MaxCachedWords = 2_000_000;
    private readonly ConcurrentDictionary<string, string> _stems = new(StringComparer.Ordinal);
    private int _cached;
    private readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _stemLookup;

    public TextAnalyzer() => _stemLookup = _stems.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Words that carry no topic in an index or a question.</summary>
    public static readonly WordSet StopWords = new([
        "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "if", "in", "into", "is", "it", "no", "not", "of", "on",
        "or", "such", "that", "the", "their", "then", "there", "these", "they", "this", "to", "was", "will", "with",
        "we", "our", "us", "i", "me", "my", "you", "your", "its", "from", "has", "have", "had", "been", "were", "which", "what",
        "who", "whom", "how", "why", "when", "where", "do", "does", "did", "can", "could", "should", "would", "than", "so",
        "also", "while", "via", "each", "both", "all", "any", "some", "more", "most", "other", "only", "over", "same", "very",
        "just", "about", "up", "out", "here", "them", "those", "he", "she", "his", "her", "one", "e", "g", "eg", "ie", "etc",
    ]);

    /// <summary>Words that only frame a question ("which paper …", "I remember a work …") and say nothing of its topic.</summary>
    public static readonly WordSet QuestionWords = new([
        "paper", "papers", "work", "works", "article", "remember", "looking", "look", "find", "anyone", "someone", "something",
        "anything", "show", "tell", "know", "want", "need", "like", "way", "ways", "got", "get", "thing", "things",
        "really", "actually", "even", "describe", "describes", "propose", "proposes", "please", "kind", "sort",
    ]);

    /// <summary>Appends the index terms of <paramref name="text"/> to <paramref name="terms"/>, in order.</summary>
    public void Analyze(ReadOnlySpan<char> text, List<string> terms, bool isQuestion = false)
    {
        var words = new WordTokenizer(text);
        while (words.MoveNext())
        {
            var word = words.Current;
            var stem = StemOrNull(word);
            if (stem is null || (isQuestion && QuestionWords.Contains(word))) continue;
            terms.Add(stem);
        }
    }

    /// <summary>The index terms of <paramref name="text"/>.</summary>
    public List<string> Analyze(string text, bool isQuestion = false)
    {
        var terms = new List<string>(text.Length / 8);
        Analyze(text, terms, isQuestion);
        return terms;
    }

    /// <summary>The stem of one lowercase word (cached).</summary>
    public string Stem(ReadOnlySpan<char> word) => StemOrNull(word) ?? PorterStemmer.Stem(word.ToString());

    /// <summary>The stem of one lowercase word, or null for a stop word: one cache lookup per token.</summary>
    public string? StemOrNull(ReadOnlySpan<char> word)
    {
        if (_stemLookup.TryGetValue(word, out var stem)) return stem.Length == 0 ? null : stem;
        var w = word.ToString();
        // The cache is bounded, so a long-running bot fed endless new words (spam, typos) does not grow without limit.
        // (Stems stay interned either way: the postings builder keys terms by reference.)
        if (Volatile.Read(ref _cached) >= MaxCachedWords) return StopWords.Contains(w) ? null : string.Intern(PorterStemmer.Stem(w));
        stem = _stems.GetOrAdd(w, static x => StopWords.Contains(x) ? "" : string.Intern(PorterStemmer.Stem(x)));
        Interlocked.Increment(ref _cached);
        return stem.Length == 0 ? null : stem;
    }

    /// <summary>Every lowercase word of the text, in order.</summary>
    public static List<string> Words(string text)
    {
        var list = new List<string>(text.Length / 6);
        var words = new WordTokenizer(text);
        while (words.MoveNext()) list.Add(words.Current.ToString());
        return list;
    }
}

/// <summary>Splits text into lowercase words of ASCII letters and digits without allocating (accents folded, μ read as mu).</summary>
public ref struct WordTokenizer(ReadOnlySpan<char> text)
{
    private readonly ReadOnlySpan<char> _text = text;
    private int _pos;
    private Span<char> _buffer;
    private int _length;

    public readonly ReadOnlySpan<char> Current => _buffer[.._length];

    public bool MoveNext()
    {
        if (_buffer.IsEmpty) _buffer = new char[64];
        _length = 0;
        while (_pos <= _text.Length)
        {
            var c = _pos < _text.Length ? _text[_pos] : ' ';
            _pos++;
            if (char.IsAsciiLetterOrDigit(c)) { Append(char.ToLowerInvariant(c)); continue; }
            if (c is 'μ' or 'µ') { Append('m'); Append('u'); continue; }
            if (c > 127 && char.IsLetter(c) && Papers.LatinFolding.Fold(c) is var f && f != '\0') { Append(f); continue; }
            if (_length > 0) return true;
        }
        return false;
    }

    private void Append(char c)
    {
        if (_length < _buffer.Length) _buffer[_length++] = c;
    }
}

/// <summary>A read-only set of lowercase words, looked up by span.</summary>
public sealed class WordSet
{
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public WordSet(IEnumerable<string> words) => _lookup = words.ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    public bool Contains(ReadOnlySpan<char> word) => _lookup.Contains(word);
}
