using ResearchBot.Answering.Citations;

namespace ResearchBot.Core.Tests.Answering;

public sealed class StreamingCitationFilterTests
{
    /// <summary>Model replies against three sources: what streams must be exactly the checked answer, however the reply is cut.</summary>
    public static TheoryData<string> Replies => new()
    {
        "Keyformer keeps key tokens [1], unlike the invented paper [7].",
        "Both cut the cache [1][3] and [2-4] and [1, 9] and [12].",
        "A wide bracket 【2】 and a range [1–2]; none [0]. Also [see above] and [a] and [1 2].",
        "Half the memory [7], and twice the speed [9] , with care.",
        "Keyformer [1].\n\nSources:\n[1] Keyformer: KV Cache Reduction\n[2] TriForce",
        "Keyformer [1].\n\n## References\n\n1. Keyformer\n\n2. TriForce\n",
        "Keyformer [1].\n**Sources:**\n- [1] Keyformer\n- [5] Invented",
        "References:\nthe two papers differ in what they keep [1][2].",
        "Intro [1].\nReferences:\nthe two papers differ in what they keep [1][2].\n- a list after [4]",
        "Sources\nKeyformer keeps key tokens [2] and this is not a list.\n- [1] but this is",
        "Keyformer [1].\nSources:",
        "Ends with an open bracket [1",
        "  Leading space and trailing space [3]   ",
        "Line one [1]\n  indented [8] line\n\ttab [2]",
        "No citations at all, just text: (and parentheses) [].",
    };

    [Theory]
    [MemberData(nameof(Replies))]
    public void Streamed_text_equals_the_checked_answer_whatever_the_pieces(string reply)
    {
        var expected = CitationChecker.Check(TrailingSources.Remove(reply), 3).Text;

        foreach (var size in new[] { 1, 2, 3, 5, 7, 11, reply.Length })
        {
            var filter = new StreamingCitationFilter(() => 3);
            var shown = string.Concat(Chunks(reply, size).Select(filter.Push)) + filter.Flush();
            Assert.Equal(expected, shown.Trim());
        }
    }

    [Fact]
    public void An_invalid_number_is_never_shown_even_for_a_moment()
    {
        var filter = new StreamingCitationFilter(() => 2);
        var pieces = new List<string>();

        foreach (var piece in new[] { "Keyformer halves memory [", "7", "]", " and TriForce drafts [", "2", "]." })
            pieces.Add(filter.Push(piece));
        pieces.Add(filter.Flush());

        Assert.DoesNotContain(pieces, p => p.Contains('7'));
        Assert.Equal(["Keyformer halves memory", "", "", " and TriForce drafts", "", " [2].", ""], pieces);
    }

    [Fact]
    public void A_trailing_sources_block_is_held_and_never_shown()
    {
        var filter = new StreamingCitationFilter(() => 2);
        var shown = new List<string>();

        foreach (var piece in "Keyformer [1].\n\nSour|ces:\n[1] Keyformer\n|[2] TriForce\n".Split('|'))
            shown.Add(filter.Push(piece));
        shown.Add(filter.Flush());

        Assert.Equal("Keyformer [1].", string.Concat(shown));
    }

    [Fact]
    public void A_source_added_while_streaming_can_be_cited()
    {
        var count = 2;
        var filter = new StreamingCitationFilter(() => count);

        var before = filter.Push("A [3] ");
        count = 3;
        var after = filter.Push("B [3].") + filter.Flush();

        Assert.Equal("A", before);
        Assert.Equal(" B [3].", after);
    }

    private static IEnumerable<string> Chunks(string text, int size)
    {
        for (var i = 0; i < text.Length; i += size) yield return text.Substring(i, Math.Min(size, text.Length - i));
    }
}
