using ResearchBot.Answering.Condensing;

namespace ResearchBot.Core.Tests.Answering;

public sealed class FollowUpHeuristicTests
{
    [Fact]
    public void Carries_the_subject_into_a_possessive_follow_up()
    {
        var standalone = FollowUpHeuristic.Condense("what about its memory cost?", ["Which papers study KV cache reduction by selecting key tokens?"]);

        Assert.Equal("what about the memory cost of KV cache reduction by selecting key tokens?", standalone);
    }

    [Fact]
    public void Replaces_a_pronoun_with_the_subject()
    {
        var standalone = FollowUpHeuristic.Condense("How does it compare to H2O?", ["Keyformer KV cache eviction"]);

        Assert.Equal("How does Keyformer KV cache eviction compare to H2O?", standalone);
    }

    [Fact]
    public void Chains_follow_ups_back_to_the_first_subject()
    {
        var standalone = FollowUpHeuristic.Condense("and their speedups?",
            ["Speculative decoding for long contexts", "what about its draft models?"]);

        Assert.Contains("speedups", standalone);
        Assert.Contains("Speculative decoding for long contexts", standalone);
    }

    [Fact]
    public void What_about_without_a_pronoun_adds_the_subject()
    {
        var standalone = FollowUpHeuristic.Condense("What about vision transformers?", ["token merging for speed"]);

        Assert.Equal("vision transformers in token merging for speed?", standalone);
    }

    [Theory]
    [InlineData("Which benchmarks test AI freelancers on real earnings?")]
    [InlineData("Is it possible to train language models on phones?")]
    [InlineData("Which vision transformers make it cheap to segment lidar point clouds?")]
    public void A_standalone_question_is_unchanged(string question)
    {
        Assert.Equal(question, FollowUpHeuristic.Condense(question, ["KV cache reduction"]));
        Assert.Equal(question, FollowUpHeuristic.Condense(question, []));
    }

    [Fact]
    public void A_resolved_question_naming_papers_by_quoted_title_is_their_subject_and_is_not_condensed_again()
    {
        var previous = "what about the memory cost of \"MiniCache: KV Cache Compression\" and \"ZipVL: Efficient LVLMs\"?";

        var standalone = FollowUpHeuristic.Condense("what about speed?", ["Which papers study KV cache compression?", "compare \"MiniCache: KV Cache Compression\" and \"ZipVL: Efficient LVLMs\"", previous]);

        Assert.Equal("speed in \"MiniCache: KV Cache Compression\" and \"ZipVL: Efficient LVLMs\"?", standalone);
    }
}
