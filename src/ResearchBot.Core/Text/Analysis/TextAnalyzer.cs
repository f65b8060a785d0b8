using System.Collections.Concurrent;

namespace ResearchBot.Text.Analysis;

/// <summary>
/// The one text analyzer of search, answers and digests. Words are lowercase letters and digits (accents folded, μ read
/// as mu), Porter-stemmed. <see cref="Analyze(string, bool)"/> gives the index terms of a paper or a query (English stop
/// words dropped, and for a question the words that only frame it); <see cref="ContentTerms"/> gives the content words
/// that answers, follow-up checks and digests compare (a longer stop list, hyphenated compounds kept whole), with the
/// same stems, so a question's words match a paper's the same way in search and in its answer. Digest phrase keys ask for
/// <see cref="Stemming.Light"/> stems, which keep apart words Porter merges. Stems are cached per
/// distinct word and looked up by span, so analysis allocates nothing per token once a word has been seen.
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

    /// <summary>
    /// Words that carry no content in an answer, a follow-up or a digest phrase: the <see cref="StopWords"/> plus modal verbs,
    /// the words papers use to talk about themselves ("propose", "approach", "method", "study") and vague quantities.
    /// </summary>
    public static readonly WordSet ContentStopWords = new(StopWords.Words.Concat([
        "being", "may", "might", "must", "shall", "whose", "paper", "papers", "work", "works", "study", "studies", "under", "between",
        "own", "way", "use", "used", "using", "existing", "new", "propose", "proposes", "proposed", "present", "introduce", "approach",
        "method", "methods", "show", "shows", "without", "across", "through", "based", "well", "two", "et", "al", "vs",
        "tell", "find", "give", "get", "make", "want", "need", "something", "anything", "thing", "things", "lot", "many", "much",
    ]));

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

    /// <summary>
    /// The content words of <paramref name="text"/>, stemmed, in order, with repeats: words of two letters or more that are not
    /// <see cref="ContentStopWords"/> (nor stem to one); a hyphenated compound is one word ("long-context").
    /// </summary>
    public List<string> ContentTerms(string text, Stemming stemming = Stemming.Porter)
    {
        var terms = new List<string>();
        var words = new WordTokenizer(text, compounds: true);
        while (words.MoveNext())
        {
            var word = words.Current;
            if (word.Length < 2 || ContentStopWords.Contains(word)) continue;
            var stem = stemming == Stemming.Light ? LightStemmer.Stem(word.ToString()) : word.Contains('-') ? CompoundStem(word) : Stem(word);
            if (stem.Length >= 2 && !ContentStopWords.Contains(stem)) terms.Add(stem);
        }
        return terms;
    }

    /// <summary>The words and their stems: a word list that both raw words and <see cref="ContentTerms"/> are looked up in.</summary>
    public HashSet<string> WithStems(IEnumerable<string> words, Stemming stemming = Stemming.Porter)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var w in words) { set.Add(w); set.Add(Stem(w, stemming)); }
        return set;
    }

    /// <summary>
    /// The stem of one lowercase word (Porter stems cached); with <see cref="Stemming.Porter"/> each part of a hyphenated
    /// compound is stemmed ("long-contexts" → "long-context").
    /// </summary>
    public string Stem(string word, Stemming stemming = Stemming.Porter) =>
        stemming == Stemming.Light ? LightStemmer.Stem(word) : word.Contains('-') ? CompoundStem(word) : Stem(word.AsSpan());

    /// <summary>The stem of one lowercase word (cached).</summary>
    public string Stem(ReadOnlySpan<char> word) => StemOrNull(word) ?? PorterStemmer.Stem(word.ToString());

    private string CompoundStem(ReadOnlySpan<char> word)
    {
        var parts = new List<string>(2);
        foreach (var range in word.Split('-'))
        {
            if (word[range].Length > 0) parts.Add(Stem(word[range]));
        }
        return string.Join('-', parts);
    }

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
