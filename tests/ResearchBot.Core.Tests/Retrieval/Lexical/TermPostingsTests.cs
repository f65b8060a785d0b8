using ResearchBot.Retrieval.Lexical;

namespace ResearchBot.Tests.Retrieval.Lexical;

public class TermPostingsTests
{
    private static TermPostings Of(params (int Doc, int Title, int Abstract)[] entries)
    {
        var p = new TermPostings(1);
        foreach (var (d, t, a) in entries) p.Add(d, t, a);
        return p;
    }

    private static (int, int, int)[] Entries(TermPostings p) =>
        [.. Enumerable.Range(0, p.Count).Select(i => (p.Docs[i], (int)p.TitleTf[i], (int)p.AbstractTf[i]))];

    [Fact]
    public void Encode_and_decode_round_trip()
    {
        var p = Of((1, 1, 0), (2, 0, 3), (130, 2, 200), (70_000, 0, 1), (2_000_000_000, 5, 0));
        var back = TermPostings.Decode(p.Encode(), p.Count);
        Assert.Equal(Entries(p), Entries(back));
    }

    [Fact]
    public void Decode_grows_past_a_count_that_is_too_small()
    {
        var p = Of([.. Enumerable.Range(0, 40).Select(i => (i * 300, i % 3, 1000 + i))]);
        var back = TermPostings.Decode(p.Encode(), 3);
        Assert.Equal(Entries(p), Entries(back));
    }

    [Fact]
    public void Encoding_is_compact_for_small_gaps()
    {
        var p = Of((1, 1, 0), (2, 0, 1), (3, 1, 1));
        Assert.Equal(9, p.Encode().Length);
    }

    [Fact]
    public void Frequencies_above_the_field_limit_are_capped()
    {
        var p = Of((5, 100_000, 70_000));
        Assert.Equal([(5, ushort.MaxValue, ushort.MaxValue)], Entries(TermPostings.Decode(p.Encode(), 1)));
    }

    [Fact]
    public void Empty_postings_round_trip()
    {
        var empty = new TermPostings();
        Assert.Empty(empty.Encode());
        Assert.Equal(0, TermPostings.Decode(empty.Encode(), 0).Count);
    }

    [Fact]
    public void Merge_drops_removed_documents_and_adds_new_ones_in_order()
    {
        var existing = Of((1, 1, 0), (4, 0, 2), (7, 1, 1), (9, 0, 1));
        var added = Of((2, 3, 0), (7, 0, 5), (12, 1, 0));

        var merged = existing.Merge(new HashSet<int> { 4, 9 }, added);

        Assert.Equal([(1, 1, 0), (2, 3, 0), (7, 0, 5), (12, 1, 0)], Entries(merged));
    }

    [Fact]
    public void Merge_replaces_a_document_that_is_both_removed_and_added()
    {
        var existing = Of((3, 1, 1), (8, 2, 2));
        var merged = existing.Merge(new HashSet<int> { 8 }, Of((8, 0, 9)));
        Assert.Equal([(3, 1, 1), (8, 0, 9)], Entries(merged));
    }

    [Fact]
    public void Merge_of_everything_removed_is_empty()
    {
        var merged = Of((3, 1, 1), (8, 2, 2)).Merge(new HashSet<int> { 3, 8 }, new TermPostings());
        Assert.Equal(0, merged.Count);
    }

    [Fact]
    public void Sort_by_document_orders_entries_with_their_frequencies()
    {
        var p = Of((9, 1, 0), (2, 0, 4), (5, 3, 3));
        p.SortByDocument();
        Assert.Equal([(2, 0, 4), (5, 3, 3), (9, 1, 0)], Entries(p));
        var sorted = Of((1, 1, 1), (2, 2, 2));
        sorted.SortByDocument();
        Assert.Equal([(1, 1, 1), (2, 2, 2)], Entries(sorted));
    }

    [Fact]
    public void Adding_grows_past_the_initial_capacity()
    {
        var p = new TermPostings(1);
        for (var d = 0; d < 100; d++) p.Append(d, d % 3, d % 5);
        Assert.Equal(100, p.Count);
        Assert.Equal(Entries(p), Entries(TermPostings.Decode(p.Encode(), 100)));
    }
}
