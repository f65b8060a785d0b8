using ResearchBot.Answering;
using ResearchBot.Answering.Citations;

namespace ResearchBot.Core.Tests.Answering;

public sealed class CitationOrderTests
{
    private static readonly AnswerSource[] Sources =
        [.. Enumerable.Range(1, 5).Select(n => new AnswerSource(n, $"id{n}", $"Paper {n}", null, null))];

    [Fact]
    public void Cited_sources_are_numbered_one_to_k_in_the_order_first_cited_and_the_uncited_follow()
    {
        var (text, sources, cited) = CitationOrder.Apply("First [3]. Then [5, 3]. Also [1].", Sources);

        Assert.Equal("First [1]. Then [1, 2]. Also [3].", text);
        Assert.Equal([1, 2, 3], cited);
        Assert.Equal(["id3", "id5", "id1", "id2", "id4"], sources.Select(s => s.Id));
        Assert.Equal([1, 2, 3, 4, 5], sources.Select(s => s.N));
    }

    [Fact]
    public void An_answer_citing_nothing_keeps_its_order()
    {
        var (text, sources, cited) = CitationOrder.Apply("Nothing cited.", Sources);

        Assert.Equal("Nothing cited.", text);
        Assert.Empty(cited);
        Assert.Equal(["id1", "id2", "id3", "id4", "id5"], sources.Select(s => s.Id));
    }

    [Fact]
    public void While_streaming_the_numbers_match_the_checked_answer_even_when_a_citation_is_cut_in_two()
    {
        var order = new StreamingCitationOrder();
        string[] pieces = ["Keys [4", "] and heads [", "2]. Again [4] and [9", "]."];

        var streamed = string.Concat(pieces.Select(p => order.Push(p, 5))) + order.Flush(5);

        Assert.Equal("Keys [1] and heads [2]. Again [1] and [9].", streamed);
        var (text, _, _) = CitationOrder.Apply(CitationChecker.Check("Keys [4] and heads [2]. Again [4] and [9].", 5).Text, Sources);
        Assert.Equal("Keys [1] and heads [2]. Again [1] and.", text);
    }
}
