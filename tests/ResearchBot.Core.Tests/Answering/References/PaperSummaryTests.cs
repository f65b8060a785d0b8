using ResearchBot.Answering.References;
using ResearchBot.Answering.Sources;
using ResearchBot.Papers;

namespace ResearchBot.Core.Tests.Answering.References;

public sealed class PaperSummaryTests
{
    private static NumberedSource Source(int n, string title, string abstractText) => new(n, new Paper { Id = $"p{n}", Title = title, Abstract = abstractText }, 1);

    [Fact]
    public void One_paper_is_summarised_by_what_it_does_and_what_it_found_in_one_sentence_each_without_background_or_openings()
    {
        var source = Source(2, "SwiftSpec: Speculative Decoding with Shared Draft Heads",
            "Large language models are slow at inference because decoding is sequential. " +
            "Existing speculative methods require a separate draft model. " +
            "In this paper, we study how drafts can share the target's layers. " +
            "To address this, we introduce SwiftSpec, which attaches light draft heads to the target model. " +
            "SwiftSpec heads are trained for one epoch. " +
            "Experiments show that SwiftSpec speeds up decoding by 2.7x on MT-Bench with identical outputs. " +
            "Our models and code are publicly available.");

        var text = PaperSummary.Write([source]).ReplaceLineEndings("\n");

        Assert.Equal("- SwiftSpec: Speculative Decoding with Shared Draft Heads\n" +
            "  Proposes: We introduce SwiftSpec, which attaches light draft heads to the target model. [2]\n" +
            "  Reports: Experiments show that SwiftSpec speeds up decoding by 2.7x on MT-Bench with identical outputs. [2]", text);
    }

    [Fact]
    public void A_paper_without_results_says_so_and_a_first_proposal_loses_its_opening()
    {
        var source = Source(4, "A Survey of Retrieval Heads",
            "Attention heads have been widely studied. In this paper, we present a survey of retrieval heads across 40 models.");

        var text = PaperSummary.Write([source]);

        Assert.Contains("Proposes: We present a survey of retrieval heads across 40 models. [4]", text);
        Assert.Contains("Reports: its abstract reports no results. [4]", text);
        Assert.DoesNotContain("widely studied", text);
    }
}
