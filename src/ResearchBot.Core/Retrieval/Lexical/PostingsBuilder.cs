namespace ResearchBot.Retrieval.Lexical;

/// <summary>
/// Collects the postings of many new documents in memory before they are merged into the stored index.
/// Terms come from <see cref="ResearchBot.Text.Analysis.TextAnalyzer"/>, whose stems are interned, so terms are keyed by reference.
/// </summary>
internal sealed class PostingsBuilder
{
    private readonly Dictionary<string, TermPostings> _terms = new(ReferenceEqualityComparer.Instance);

    public IReadOnlyDictionary<string, TermPostings> Terms => _terms;

    public int Count => _terms.Count;

    /// <summary>Adds every term of <paramref name="doc"/> with its title and abstract frequencies.</summary>
    public void Add(int doc, DocumentTerms terms)
    {
        foreach (var t in terms.Title) Bump(doc, t, title: true);
        foreach (var t in terms.Abstract) Bump(doc, t, title: false);
    }

    /// <summary>Takes over every posting of <paramref name="other"/> (built for other documents).</summary>
    public void Merge(PostingsBuilder other)
    {
        foreach (var (term, postings) in other._terms)
        {
            if (_terms.TryGetValue(term, out var mine)) mine.AppendRange(postings);
            else _terms[term] = postings;
        }
    }

    private void Bump(int doc, string term, bool title)
    {
        if (!_terms.TryGetValue(term, out var p)) _terms[term] = p = new TermPostings(4);
        p.Bump(doc, title);
    }
}
