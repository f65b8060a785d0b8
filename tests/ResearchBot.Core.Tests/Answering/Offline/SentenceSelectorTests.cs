using ResearchBot.Answering.Offline;
using ResearchBot.Answering.Sources;
using ResearchBot.Papers;
using ResearchBot.Text.SentenceRoles;

namespace ResearchBot.Core.Tests.Answering.Offline;

/// <summary>Which papers an offline answer keeps: those that address the question, and those retrieval judged nearly as relevant as the best.</summary>
public sealed class SentenceSelectorTests
{
    /// <summary>A paper whose one method sentence addresses <paramref name="overlap"/> of the question, retrieved with <paramref name="relevance"/>.</summary>
    private static ScoredPaper Paper(int n, double overlap, double relevance)
    {
        var source = new NumberedSource(n, new Paper { Id = $"2609.0000{n}", Title = $"Paper {n}", Abstract = "" }, relevance);
        var sentence = new TaggedSentence(0, $"We propose method {n} for the problem at hand.", SentenceRole.Method, false);
        return new ScoredPaper(source, [new ScoredSentence(n, sentence, overlap, false, overlap + 0.35)], 0, false);
    }

    private static List<int> Kept(params ScoredPaper[] papers) => [.. SentenceSelector.Select(papers).Select(p => p.Source.N)];

    [Fact]
    public void A_paper_that_addresses_the_question_far_less_than_the_best_is_left_out()
    {
        // Address is 0.6 of the overlap here (no title overlap): 0.36 for the first, 0.09 for the second.
        Assert.Equal([1], Kept(Paper(1, 0.6, 0.6), Paper(2, 0.15, 0.3)));
    }

    [Fact]
    public void A_paper_retrieval_judged_nearly_as_relevant_as_the_best_is_kept_though_it_words_the_topic_differently()
    {
        // The second addresses 0.12 of the question (less than half of the best's 0.36) but is about as relevant.
        Assert.Equal([1, 2], Kept(Paper(1, 0.6, 0.6), Paper(2, 0.2, 0.5)));
    }

    [Fact]
    public void A_relevant_paper_whose_sentences_hardly_address_the_question_is_still_left_out()
    {
        // Address 0.03: below SentenceSelector.MinAddressWhenRelevant whatever its relevance.
        Assert.Equal([1], Kept(Paper(1, 0.6, 0.6), Paper(2, 0.05, 0.6)));
    }
}
