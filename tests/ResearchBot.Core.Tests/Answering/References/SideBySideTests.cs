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
