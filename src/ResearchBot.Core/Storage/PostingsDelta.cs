using ResearchBot.Retrieval.Lexical;

namespace ResearchBot.Storage;

/// <summary>
/// The provider-neutral part of keeping the stored inverted index in step with the papers: which terms a write
/// touches and what each term's postings become. Each provider reads and writes the rows.
/// </summary>
internal static class PostingsDelta
{
    /// <summary>Every term touched: the added postings per term (sorted by document), and an empty list for terms only removed documents had.</summary>
    public static Dictionary<string, TermPostings> Changes(IReadOnlyList<(int Doc, DocumentTerms Terms)> removed, PostingsBuilder added)
    {
        var changes = new Dictionary<string, TermPostings>(added.Terms, StringComparer.Ordinal);
        foreach (var (_, terms) in removed)
            foreach (var t in terms.Title.Concat(terms.Abstract))
                if (!changes.ContainsKey(t)) changes[t] = new TermPostings(1);
        foreach (var p in changes.Values) p.SortByDocument();
        return changes;
    }

    /// <summary>A term's postings after the write (empty: the term goes).</summary>
    public static TermPostings Apply(TermPostings? existing, IReadOnlySet<int> removedDocs, TermPostings additions) =>
        existing is null || (existing.Count == 0 && removedDocs.Count == 0) ? additions : existing.Merge(removedDocs, additions);
}
