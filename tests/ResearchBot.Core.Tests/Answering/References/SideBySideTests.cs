using ResearchBot.Answering.References;
using ResearchBot.Answering.Sources;
using ResearchBot.Papers;

namespace ResearchBot.Core.Tests.Answering.References;

public sealed class SideBySideTests
{
    private static readonly NumberedSource Razor = new(1, new Paper
    {
        Id = "a", Title = "RazorAttention: Efficient KV Cache Compression Through Retrieval Heads",
        Abstract = "The memory and computational demands of the KV cache present significant challenges for long-context models. " +
            "We propose RazorAttention, which keeps a full cache only for retrieval heads. " +
            "RazorAttention reduces the KV cache size by over 70% without noticeable impact on performance.",
    }, 1);

    private static readonly NumberedSource Reasoner = new(3, new Paper
    {
        Id = "b", Title = "Step by Step: Better Math Reasoning",
        Abstract = "Existing reasoning methods fail on long proofs. We present a verifier-guided search. It improves accuracy on GSM8K by 3 points.",
    }, 1);

    [Fact]
    public void Without_an_aspect_each_paper_says_what_it_proposes_and_what_it_reports_never_its_background()
    {
        var text = SideBySide.Write("", [Razor, Reasoner]);

        Assert.StartsWith("Side by side, [1] and [3]:", text);
        var proposes = text[text.IndexOf("What it proposes:", StringComparison.Ordinal)..text.IndexOf("What it reports:", StringComparison.Ordinal)];
        Assert.Contains("- RazorAttention: We propose RazorAttention", proposes);
        Assert.Contains("- Step by Step: We present a verifier-guided search. [3]", proposes);
        Assert.DoesNotContain("Existing reasoning methods", text);
        Assert.DoesNotContain("present significant challenges", text);
        Assert.Contains("by over 70% without noticeable impact on performance. [1]", text);
        Assert.Contains("by 3 points. [3]", text);
    }

    // Background first, a first proposal "In this paper, …", the named one "Therefore, …", a release notice, a result.
    private static readonly NumberedSource Pruner = new(2, new Paper
    {
        Id = "c", Title = "HeadPrune: Attention Head Pruning for Long-Context Inference",
        Abstract = "Previous approaches to long-context inference drop tokens and lose information. " +
            "In this paper, we propose a novel pruning technique that keeps every token. " +
            "Our analysis shows that only a few heads attend to distant tokens. " +
            "Therefore, we propose HeadPrune, a training-free method that prunes the cache of local heads only. " +
            "Code is available at https://github.com/example/headprune. " +
            "On LongBench, HeadPrune reduces the KV cache memory by 64% and speeds up decoding by 1.8x at equal accuracy.",
    }, 1);

    [Fact]
    public void Each_paper_is_quoted_by_its_own_named_proposal_and_its_result_with_figures_worded_to_stand_alone()
    {
        var text = SideBySide.Write("", [Pruner, Reasoner]);

        Assert.Contains("- HeadPrune: We propose HeadPrune, a training-free method that prunes the cache of local heads only. [2]", text);
        Assert.Contains("- HeadPrune: On LongBench, HeadPrune reduces the KV cache memory by 64% and speeds up decoding by 1.8x at equal accuracy. [2]", text);
        Assert.DoesNotContain("In this paper", text);
        Assert.DoesNotContain("Therefore", text);
        Assert.DoesNotContain("Previous approaches", text);
        Assert.DoesNotContain("Code is available", text);
    }

    [Fact]
    public void An_aspect_is_answered_by_the_sentence_with_the_figure_on_it_not_the_proposal_that_mentions_it()
    {
        var text = SideBySide.OnAspect("memory cost", [Pruner]);

        Assert.Equal("- HeadPrune: On LongBench, HeadPrune reduces the KV cache memory by 64% and speeds up decoding by 1.8x at equal accuracy. [2]", text);
    }

    [Fact]
    public void A_result_on_a_measurable_aspect_beats_a_method_sentence_that_only_uses_its_word()
    {
        var prover = new NumberedSource(4, new Paper
        {
            Id = "d", Title = "ProofCheck: Self-Verifying Theorem Provers",
            Abstract = "Theorem proving with language models is hard to verify. " +
                "Towards self-verification, we investigate how to train an accurate and faithful verifier for proofs. " +
                "Experiments show that our prover achieves gold-level scores on two olympiad benchmarks.",
        }, 1);

        // "how accurate are they?": the aspect is "accurate", which the method sentence contains word for word.
        Assert.Equal("- ProofCheck: Experiments show that our prover achieves gold-level scores on two olympiad benchmarks. [4]", SideBySide.OnAspect("accurate", [prover]));
    }

    [Fact]
    public void On_a_measurable_aspect_it_quotes_the_figure_and_says_when_a_paper_is_silent()
    {
        var text = SideBySide.Write("memory", [Razor, Reasoner]);

        Assert.Contains("On memory:", text);
        Assert.Contains("- RazorAttention: RazorAttention reduces the KV cache size by over 70%", text);
        Assert.Contains("- Step by Step: its abstract says nothing about memory [3].", text);
    }

    [Fact]
    public void An_aspect_question_quotes_each_paper_on_it_and_names_the_silent_ones_once()
    {
        var text = SideBySide.OnAspect("memory cost", [Razor, Reasoner]);

        Assert.Equal("- RazorAttention: RazorAttention reduces the KV cache size by over 70% without noticeable impact on performance. [1]\n\n" +
            "The abstract of [3] says nothing about \"memory cost\".", text.ReplaceLineEndings("\n"));
    }
}
