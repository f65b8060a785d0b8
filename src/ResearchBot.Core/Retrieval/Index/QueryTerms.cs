using ResearchBot.Text.Analysis;

namespace ResearchBot.Retrieval.Index;

/// <summary>
/// A question analyzed for ranking: its distinct words ("slots"), each with the index terms it matches (the word
/// itself, or known words one or two edits away when the index does not know it), weights for BM25, and the
/// pairs of words adjacent in the question for the proximity bonus.
/// </summary>
internal sealed class QueryTerms
{
    private const int MaxCorrectedWords = 5;

    private readonly Dictionary<string, List<int>> _slotsByTerm = new(StringComparer.Ordinal);
    private readonly List<double> _slotIdf = [];
    private readonly List<(int A, int B, double Weight)> _pairs = [];
    private double _idfTotal, _pairTotal, _evidenceScale;

    /// <summary>
    /// <see cref="DocumentMatch.Evidence"/> saturates when a paper holds question words worth this many words as rare as
    /// one only a single paper holds (the scale follows the corpus size, as IDF does).
    /// </summary>
    internal const double EvidenceWords = 4;

    /// <summary>Distinct index terms with their weights (a repeated word counts more; a typo correction a little less).</summary>
    public List<(string Term, double Weight)> Weighted { get; } = [];

    public int SlotCount => _slotIdf.Count;

    public static QueryTerms Parse(string text, SearchSnapshot s, RetrievalOptions options)
    {
        var q = new QueryTerms();
        var slotOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        var sequence = new List<int>();
        var corrected = 0;
        foreach (var word in TypoPolicy.Words(text))
        {
            var mayCorrect = TypoPolicy.MayCorrect(word);
            foreach (var term in TextAnalyzer.Default.Analyze(word.ToLowerInvariant(), isQuestion: true))
            {
                if (!slotOf.TryGetValue(term, out var slot))
                {
                    slot = slotOf[term] = q._slotIdf.Count;
                    var forms = new List<string> { term };
                    // The same word in the other spelling ("quantisation", "quantization") is the word itself, not a typo.
                    forms.AddRange(SpellingVariants.Of(term).Where(s.DocumentFrequency.ContainsKey));
                    var exactCount = forms.Count;
                    q._exactForms.Add(exactCount);
                    var unknown = exactCount == 1 && !s.DocumentFrequency.ContainsKey(term);
                    // Words of the same family the stemmer keeps apart ("growing" / "growth", "autoscaling" / "scaling").
                    foreach (var related in RelatedForms(term, word, unknown && mayCorrect))
                        if (!forms.Contains(related) && s.DocumentFrequency.ContainsKey(related)) forms.Add(related);
                    // Each unknown word costs a vocabulary scan, so only the first few are corrected (a flood of junk stays cheap).
                    if (mayCorrect && unknown && forms.Count == 1 && term.Length >= options.TypoMinLength && corrected++ < MaxCorrectedWords)
                        forms.AddRange(s.Typos.Corrections(term));
                    foreach (var f in forms)
                    {
                        if (!q._slotsByTerm.TryGetValue(f, out var slots)) q._slotsByTerm[f] = slots = [];
                        slots.Add(slot);
                    }
                    // The word weighs what it weighs itself (an unknown word as the rarest), not what a relative does.
                    q._slotIdf.Add(forms.Take(exactCount).Max(f => s.Idf(f)));
                    var known = forms.Where(s.DocumentFrequency.ContainsKey).ToList();
                    var knownExact = known.Where(f => forms.IndexOf(f) < exactCount).ToList();
                    q._knownIdf.Add(knownExact.Count > 0 ? knownExact.Max(f => s.Idf(f)) : known.Count == 0 ? 0 : known.Max(f => s.Idf(f)));
                    q._forms.Add(forms);
                }
                sequence.Add(slot);
                foreach (var f in q._forms[slot]) weights[f] = weights.GetValueOrDefault(f) + q.RankingWeight(slot, f, s);
            }
        }
        q.Weighted.AddRange(weights.Select(kv => (kv.Key, kv.Value)));
        for (var i = 0; i + 1 < sequence.Count; i++)
            if (sequence[i] != sequence[i + 1])
                q._pairs.Add((sequence[i], sequence[i + 1], Math.Min(q._knownIdf[sequence[i]], q._knownIdf[sequence[i + 1]])));
        q._idfTotal = q._slotIdf.Sum();
        q._evidenceScale = EvidenceWords * s.Idf(1);
        q._pairTotal = q._pairs.Sum(p => p.Weight);
        q.IndexForms();
        return q;
    }

    /// <summary>
    /// Related words of the question word <paramref name="word"/> (stem <paramref name="term"/>) as index terms: its WordNet
    /// relatives, and when the word is unknown and lowercase, the word read without a common prefix.
    /// </summary>
    private static IEnumerable<string> RelatedForms(string term, string word, bool splitPrefix)
    {
        foreach (var related in RelatedWords.DerivedFrom(term)) yield return related;
        if (splitPrefix)
            foreach (var rest in RelatedWords.WithoutPrefix(word.ToLowerInvariant())) yield return rest;
    }

    private readonly List<List<string>> _forms = [];
    private readonly List<double> _knownIdf = [];

    /// <summary>Per slot, how many of its first forms are the word itself (as written or in another spelling), not typo corrections.</summary>
    private readonly List<int> _exactForms = [];

    /// <summary>Where each question word occurs in a paper's analyzed text (title, then abstract).</summary>
    public DocumentMatch Match(string title, string @abstract)
    {
        var positions = new List<int>?[SlotCount];
        var exact = new bool[SlotCount];
        var pos = 0;
        Scan(title, positions, exact, ref pos);
        pos += 1;
        Scan(@abstract, positions, exact, ref pos);
        return new DocumentMatch(this, positions, exact);
    }

    private void Scan(string text, List<int>?[] positions, bool[] exact, ref int pos)
    {
        var words = new WordTokenizer(text);
        while (words.MoveNext())
        {
            var hits = WordHits(words.Current);
            if (hits is null) continue;
            foreach (var (slot, isExact) in hits)
            {
                (positions[slot] ??= []).Add(pos);
                if (isExact) exact[slot] = true;
            }
            pos++;
        }
    }

    /// <summary>
    /// The question slots a paper's word matches: null for a stop word, else by its stem, compared with the question's
    /// handful of forms in turn (stems are interned, so a match is usually found by reference).
    /// </summary>
    private (int Slot, bool Exact)[]? WordHits(ReadOnlySpan<char> word)
    {
        // Stemming only rewrites a word's ending and keeps its first two letters, so only a word whose first two letters
        // start some question form can match: the others need no stem, just the stop-word check that decides whether they
        // take a position. (A one-letter form is matched by its initial alone.)
        var first = word[0];
        if (first < 128 && !_formInitials[first]) return TextAnalyzer.StopWords.Contains(word) ? null : [];
        if (word.Length >= 2 && first < 128 && !_oneLetterForm[first] && word[1] < 128 && !_formStarts[first * 128 + word[1]])
            return TextAnalyzer.StopWords.Contains(word) ? null : [];
        var stem = TextAnalyzer.Default.StemOrNull(word);
        if (stem is null) return null;
        var forms = _formTerms;
        for (var i = 0; i < forms.Length; i++)
            if (string.Equals(forms[i], stem)) return _formHits[i];
        return [];
    }

    private string[] _formTerms = [];
    private readonly bool[] _formInitials = new bool[128];
    private readonly bool[] _oneLetterForm = new bool[128];
    private readonly bool[] _formStarts = new bool[128 * 128];
    private (int Slot, bool Exact)[][] _formHits = [];

    /// <summary>Fixes the forms <see cref="WordHits"/> compares with, once parsing is done.</summary>
    private void IndexForms()
    {
        _formTerms = [.. _slotsByTerm.Keys];
        foreach (var form in _formTerms)
        {
            if (form.Length == 0 || form[0] >= 128) continue;
            _formInitials[form[0]] = true;
            if (form.Length == 1) _oneLetterForm[form[0]] = true;
            else if (form[1] < 128) _formStarts[form[0] * 128 + form[1]] = true;
            else _oneLetterForm[form[0]] = true; // a second letter outside the table: match by the initial alone
        }
        _formHits = [.. _slotsByTerm.Select(kv => kv.Value.Select(slot => (slot, IsExactForm(slot, kv.Key))).ToArray())];
    }

    /// <summary>
    /// A form's BM25 weight for one occurrence of its question word: 1 for the word itself, less for a relative or a typo
    /// correction, and never more than the word's own weight (a rarer relative such as "tester" for "test" must not outrank
    /// papers that hold the word asked about).
    /// </summary>
    private double RankingWeight(int slot, string form, SearchSnapshot s)
    {
        if (IsExactForm(slot, form)) return 1.0;
        var own = _slotIdf[slot];
        var idf = s.Idf(form);
        return idf <= own ? RelatedWeight : RelatedWeight * own / idf;
    }

    /// <summary>The BM25 weight of a relative or typo correction of a question word, at most (see <see cref="RankingWeight"/>).</summary>
    private const double RelatedWeight = 0.7;

    private bool IsExactForm(int slot, string stem)
    {
        var forms = _forms[slot];
        for (var k = 0; k < _exactForms[slot]; k++)
            if (forms[k] == stem) return true;
        return false;
    }

    /// <summary>The question words found in one paper, with their positions.</summary>
    internal readonly struct DocumentMatch(QueryTerms query, List<int>?[] positions, bool[] exact)
    {
        /// <summary>A word found only through a typo correction counts this much of its weight.</summary>
        internal const double CorrectionCredit = 0.5;

        /// <summary>
        /// 0..1: the IDF-weighted share of the question's words that occur in the paper (a word matched only through a
        /// typo correction counts half). Words no paper holds stay in the total: a question about a concept the store does
        /// not know is covered badly by every paper.
        /// </summary>
        public double Coverage()
        {
            if (query._idfTotal <= 0) return 0;
            var sum = 0.0;
            for (var i = 0; i < positions.Length; i++)
                if (positions[i] is not null) sum += query._slotIdf[i] * (exact[i] ? 1 : CorrectionCredit);
            return sum / query._idfTotal;
        }

        /// <summary>
        /// 0..1: how much the paper holds of the question in absolute terms, the IDF of the question words it holds (words
        /// the store knows; a typo correction counts half) up to <see cref="EvidenceWords"/> words as rare as a one-paper word.
        /// Unlike <see cref="Coverage"/> it does not shrink with the question's length: a long paraphrased question whose
        /// paper holds several of its rarer words has strong evidence though many of its words are someone else's phrasing,
        /// while a paper holding one or two common words of a short question has little.
        /// </summary>
        public double Evidence()
        {
            if (query._evidenceScale <= 0) return 0;
            var sum = 0.0;
            for (var i = 0; i < positions.Length; i++)
                if (positions[i] is not null) sum += query._knownIdf[i] * (exact[i] ? 1 : CorrectionCredit);
            return Math.Min(1, sum / query._evidenceScale);
        }

        /// <summary>True when at least one question word occurs in the paper as written (typo corrections alone never make a paper relevant).</summary>
        public bool AnyExact() => exact.Any(e => e);

        /// <summary>0..1: the IDF-weighted share of adjacent question-word pairs standing within <paramref name="window"/> terms in the paper (closer counts more).</summary>
        public double Proximity(int window)
        {
            if (query._pairTotal <= 0) return 0;
            var bonus = 0.0;
            foreach (var (a, b, weight) in query._pairs)
            {
                if (positions[a] is not { } pa || positions[b] is not { } pb) continue;
                var best = MinDistance(pa, pb);
                if (best <= window) bonus += weight / best;
            }
            return bonus / query._pairTotal;
        }

        private static int MinDistance(List<int> a, List<int> b)
        {
            int i = 0, j = 0, best = int.MaxValue;
            while (i < a.Count && j < b.Count)
            {
                var d = a[i] - b[j];
                if (d == 0) return 1;
                best = Math.Min(best, Math.Abs(d));
                if (d < 0) i++; else j++;
            }
            return best;
        }
    }
}
