using ResearchBot.Answering.References;

namespace ResearchBot.Core.Tests.Answering.References;

public sealed class ReferenceParserTests
{
    private static readonly string[] Titles =
    [
        "MiniCache: KV Cache Compression in Depth Dimension for Large Language Models with DPO and LLaMA",
        "RazorAttention: Efficient KV Cache Compression Through Retrieval Heads",
        "Memory-Efficient Visual Autoregressive Modeling with Scale-Aware KV Cache Compression",
        "Keyformer: KV Cache Reduction through Key Tokens Selection for Efficient Generative Inference",
        "ThinK: Thinner Key Cache by Query-Driven Pruning",
    ];

    [Theory]
    [InlineData("tell me more about [2]", new[] { 2 })]
    [InlineData("compare [1] and [3]", new[] { 1, 3 })]
    [InlineData("what do [1-3] report?", new[] { 1, 2, 3 })]
    [InlineData("what do [2–4] have in common?", new[] { 2, 3, 4 })]
    [InlineData("and [4, 1]?", new[] { 4, 1 })]
    [InlineData("how do [5][3] prune?", new[] { 5, 3 })]
    [InlineData("what does paper 2 measure?", new[] { 2 })]
    [InlineData("details of source 3 please", new[] { 3 })]
    [InlineData("compare papers 1 and 4", new[] { 1, 4 })]
    [InlineData("open #2", new[] { 2 })]
    [InlineData("tell me more about the first one", new[] { 1 })]
    [InlineData("tell me more about the second one", new[] { 2 })]
    [InlineData("what does the last one report?", new[] { 5 })]
    [InlineData("summarize the third paper", new[] { 3 })]
    [InlineData("compare the first and the third papers", new[] { 1, 3 })]
    [InlineData("tell me more about the second", new[] { 2 })]
    [InlineData("what about the 4th source?", new[] { 4 })]
    [InlineData("compare the first two", new[] { 1, 2 })]
    [InlineData("what is the memory cost of the MiniCache paper?", new[] { 1 })]
    [InlineData("how does RazorAttention choose heads?", new[] { 2 })]
    [InlineData("what does ThinK prune?", new[] { 5 })]
    [InlineData("tell me about Keyformer", new[] { 4 })]
    [InlineData("compare MiniCache and the keyformer paper", new[] { 1, 4 })]
    [InlineData("what does the minicache method merge?", new[] { 1 })]
    [InlineData("what is memory-efficient visual autoregressive modeling with scale-aware kv cache compression about?", new[] { 3 })]
    [InlineData("compare them", new[] { 1, 2, 3, 4, 5 })]
    [InlineData("which of these is fastest?", new[] { 1, 2, 3, 4, 5 })]
    [InlineData("what do these papers report on memory?", new[] { 1, 2, 3, 4, 5 })]
    [InlineData("how do both differ?", new[] { 1, 2 })]
    public void Finds_each_reference_form_in_order_of_mention(string question, int[] expected)
    {
        var parsed = ReferenceParser.Parse(question, Titles);

        Assert.Equal(expected, parsed.Positions);
        Assert.Empty(parsed.Missing);
    }

    [Theory]
    [InlineData("Which papers study speculative decoding?")]
    [InlineData("Which was the first paper to propose speculative decoding?")]
    [InlineData("I think the KV cache matters: which papers quantize it?")]
    [InlineData("Which papers train diffusion models on video and how do they evaluate them against human raters and baselines?")]
    [InlineData("Which of these benchmarks measure long context?")]
    [InlineData("papers from 2024 on GPT 4 and retrieval")]
    [InlineData("what does 2405.14366 propose?")]
    [InlineData("How is DPO used to align LLaMA models?")]
    [InlineData("a 3x faster decoder with 2 papers")]
    public void A_new_question_refers_to_nothing(string question)
    {
        var parsed = ReferenceParser.Parse(question, Titles);

        Assert.False(parsed.Any, string.Join(",", parsed.Positions));
    }

    [Fact]
    public void A_number_past_the_list_is_missing_and_reported_with_the_found_ones()
    {
        var parsed = ReferenceParser.Parse("compare [1] and [7]", Titles);

        Assert.Equal([1], parsed.Positions);
        Assert.Equal([7], parsed.Missing);
    }

    [Fact]
    public void An_ordinal_past_the_list_is_missing()
    {
        var parsed = ReferenceParser.Parse("tell me more about the second one", Titles.Take(1).ToList());

        Assert.Equal([2], parsed.Missing);
    }

    [Fact]
    public void With_no_list_shown_a_number_is_missing_and_words_refer_to_nothing()
    {
        Assert.Equal([2], ReferenceParser.Parse("tell me more about [2]", []).Missing);
        Assert.False(ReferenceParser.Parse("tell me more about the second one", []).Any);
        Assert.False(ReferenceParser.Parse("compare them", []).Any);
    }

    [Fact]
    public void Without_a_focus_it_and_its_are_left_to_the_condenser()
    {
        Assert.False(ReferenceParser.Parse("what about its memory cost?", Titles.Take(1).ToList()).Any);
        Assert.False(ReferenceParser.Parse("how does it work?", Titles).Any);
    }

    [Theory]
    [InlineData("what about their memory cost?", new[] { 1, 3 }, "memory cost")]
    [InlineData("and how fast are they?", new[] { 1, 3 }, "fast")]
    [InlineData("what is its accuracy?", new[] { 1, 3 }, "accuracy")]
    [InlineData("does it need training?", new[] { 1, 3 }, "training")]
    [InlineData("how do both differ?", new[] { 1, 3 }, "")]
    public void After_an_answer_about_listed_papers_their_its_they_it_and_both_mean_those_papers(string question, int[] expected, string aspect)
    {
        var parsed = ReferenceParser.Parse(question, Titles, focus: [1, 3]);

        Assert.Equal(expected, parsed.Positions);
        Assert.Equal(aspect, parsed.Aspect);
    }

    [Fact]
    public void A_pronoun_next_to_a_number_adds_the_focused_paper_in_the_order_of_mention()
    {
        var parsed = ReferenceParser.Parse("how does it compare to [4]?", Titles, focus: [2]);

        Assert.Equal([2, 4], parsed.Positions);
        Assert.True(parsed.Compare);
    }

    [Theory]
    [InlineData("which papers quantize it?")]
    [InlineData("is it possible to prune attention heads without retraining?")]
    [InlineData("how do they evaluate diffusion models for video generation against human raters?")]
    public void A_pronoun_in_a_new_or_long_question_is_not_the_focus(string question)
    {
        Assert.False(ReferenceParser.Parse(question, Titles, focus: [1, 3]).Any);
    }

    [Fact]
    public void Them_and_these_still_mean_the_whole_list_and_both_means_the_first_two_without_a_focus_of_two()
    {
        Assert.Equal([1, 2, 3, 4, 5], ReferenceParser.Parse("compare them", Titles, focus: [1, 3]).Positions);
        Assert.Equal([1, 2], ReferenceParser.Parse("how do both differ?", Titles, focus: [4]).Positions);
    }

    [Fact]
    public void A_resolved_possessive_reads_as_a_question_about_the_papers()
    {
        var question = "what about their memory cost?";
        var parsed = ReferenceParser.Parse(question, Titles, focus: [2, 4]);

        Assert.Equal($"what about the memory cost of \"{Titles[1]}\" and \"{Titles[3]}\"?", ReferenceParser.Rewrite(question, parsed, Titles));
        var its = ReferenceParser.Parse("and its speedup compared with H2O?", Titles, focus: [5]);
        Assert.Equal($"and the speedup of \"{Titles[4]}\" compared with H2O?", ReferenceParser.Rewrite("and its speedup compared with H2O?", its, Titles));
        var they = ReferenceParser.Parse("how fast are they?", Titles, focus: [2, 4]);
        Assert.Equal($"how fast are \"{Titles[1]}\" and \"{Titles[3]}\"?", ReferenceParser.Rewrite("how fast are they?", they, Titles));
    }

    [Theory]
    [InlineData("compare [1] and [3]", true, "")]
    [InlineData("compare [1] and [3] on memory cost", true, "memory cost")]
    [InlineData("how do [1] and [2] differ in throughput?", true, "throughput")]
    [InlineData("tell me more about [2]", false, "")]
    [InlineData("what is the memory cost of [2]?", false, "memory cost")]
    [InlineData("what do [1] and [2] report?", false, "")]
    public void Knows_a_comparison_and_the_aspect_asked_about(string question, bool compare, string aspect)
    {
        var parsed = ReferenceParser.Parse(question, Titles);

        Assert.Equal(compare, parsed.Compare);
        Assert.Equal(aspect, parsed.Aspect);
    }

    [Fact]
    public void The_rewritten_question_names_the_papers()
    {
        var parsed = ReferenceParser.Parse("compare [1] and [3]", Titles);

        Assert.Equal($"compare \"{Titles[0]}\" and \"{Titles[2]}\"", ReferenceParser.Rewrite("compare [1] and [3]", parsed, Titles));
        var range = ReferenceParser.Parse("what do [1-3] report?", Titles);
        Assert.Matches("^what do \"MiniCache\", \"RazorAttention\" and \"Memory-Efficient Visual Autoregressive [^\"]*…\" report\\?$", ReferenceParser.Rewrite("what do [1-3] report?", range, Titles));
    }
}
