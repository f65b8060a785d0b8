using ResearchBot.Text;
using ResearchBot.Answering;
using ResearchBot.Answering.Offline;
using ResearchBot.Answering.Sources;
using ResearchBot.Papers;

namespace ResearchBot.Core.Tests.Answering.Offline;

public sealed class OfflineAnswererTests
{
    private static readonly OfflineAnswerer Answerer = new(new AnsweringOptions());

    private static NumberedSource Source(int n, string title, string abstractText, double relevance = 0.8) =>
        new(n, new Paper { Id = $"2609.0000{n}", Title = title, Abstract = abstractText }, relevance);

    private static readonly NumberedSource MiniCache = Source(1, "MiniCache: KV Cache Compression in Depth Dimension for Large Language Models",
        "Existing KV cache compression methods face memory bottlenecks as the KV cache grows with the sequence length. " +
        "However, the size of the KV cache compression problem keeps growing for long context inputs. " +
        "To address this, we present MiniCache, an approach that compresses the KV cache across layers by merging similar states. " +
        "Our approach is based on the observation that KV cache states are similar between adjacent layers. " +
        "On ShareGPT, MiniCache reduces the memory footprint by 41% and enhances inference throughput by approximately 5x. " +
        "Code is available at https://github.com/example/minicache.");

    private static readonly NumberedSource Razor = Source(2, "RazorAttention: Efficient KV Cache Compression Through Retrieval Heads",
        "The memory demands of the KV cache present significant challenges for long-context models. " +
        "We propose RazorAttention, a training-free KV cache compression algorithm that keeps a full cache only for retrieval heads. " +
        "Evaluations show that RazorAttention reduces the KV cache size by over 70% without noticeable impact on performance.");

    private static readonly NumberedSource Unrelated = Source(3, "Pixel Recipes: Baking Better Diffusion Samplers",
        "Diffusion models generate images by denoising. We propose a new sampler schedule for image diffusion that improves FID by 2 points.",
        relevance: 0.3);

    [Fact]
    public void Never_quotes_background_or_a_release_notice_even_when_it_matches_the_question_best()
    {
        var text = Answerer.Answer("KV cache compression memory bottlenecks", [MiniCache]);

        Assert.DoesNotContain("Existing KV cache compression methods", text);
        Assert.DoesNotContain("However", text);
        Assert.DoesNotContain("github", text);
        Assert.StartsWith("- MiniCache — We present MiniCache, an approach that compresses the KV cache across layers", text);
    }

    [Fact]
    public void A_question_about_memory_gets_each_papers_figures()
    {
        var text = Answerer.Answer("what about the memory cost of KV cache compression?", [MiniCache, Razor]);

        var lines = text.Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.Contains("41%", lines[0]);
        Assert.EndsWith("[1]", lines[0]);
        Assert.Contains("over 70%", lines[1]);
        Assert.StartsWith("- RazorAttention — We propose RazorAttention", lines[1]);
    }

    [Fact]
    public void Leaves_out_a_paper_whose_best_sentence_does_not_address_the_question()
    {
        var text = Answerer.Answer("KV cache compression for long-context language models", [MiniCache, Razor, Unrelated]);

        Assert.Contains("[1]", text);
        Assert.Contains("[2]", text);
        Assert.DoesNotContain("[3]", text);
        Assert.DoesNotContain("Pixel Recipes", text);
    }

    [Fact]
    public void Has_no_notice_and_one_bullet_per_paper_of_at_most_two_sentences()
    {
        var text = Answerer.Answer("KV cache compression", [MiniCache, Razor]);

        Assert.DoesNotContain("language model is configured", text);
        var lines = text.Split('\n');
        Assert.All(lines, l => Assert.Matches(@"^- \S.* — [A-Z].*\.( [A-Z].*\.)? \[\d\]$", l));
        Assert.Equal(lines.Length, lines.Select(l => l[^3..]).Distinct().Count());
    }

    [Theory]
    [InlineData("To address this, we present X, a cache.", "We present X, a cache.")]
    [InlineData("To mitigate the memory bottleneck in the decoding phase, we employ quantization.", "We employ quantization.")]
    [InlineData("In this paper, we propose Y for long inputs.", "We propose Y for long inputs.")]
    [InlineData("We propose Z, a model.", "We propose Z, a model.")]
    [InlineData("In this paper we present ZeRO-Infinity, a system that uses NVMe memory.", "We present ZeRO-Infinity, a system that uses NVMe memory.")]
    [InlineData("(3) Finally, we propose two practical techniques for efficient pre-training.", "Finally, we propose two practical techniques for efficient pre-training.")]
    [InlineData("And increasing the transformer blocks is more parameter-efficient than adding channels.", "Increasing the transformer blocks is more parameter-efficient than adding channels.")]
    [InlineData("For instance, GenRM first matches SC after consuming up to 8x the compute.", "GenRM first matches SC after consuming up to 8x the compute.")]
    public void A_quoted_sentence_loses_an_opening_that_points_back(string sentence, string expected) =>
        Assert.Equal(expected, StandaloneSentence.Of(sentence));

    [Theory]
    [InlineData("MiniCache: KV Cache Compression in Depth Dimension", "MiniCache")]
    [InlineData("OptiBench Meets ReSocratic: Measure and Improve LLMs for Optimization Modeling", "OptiBench Meets ReSocratic")]
    [InlineData("Long-Context Inference with Retrieval-Augmented Speculative Decoding", "Long-Context Inference with Retrieval-Augmented Speculative Decoding")]
    [InlineData("Can We Generate Images with CoT? Let's Verify and Reinforce Image Generation Step by Step: A Study", "Can We Generate Images with CoT? Let's Verify and Reinforce Image Generation Step by Step: A Study")]
    public void A_paper_is_named_by_its_short_name_when_its_title_has_one(string title, string expected) =>
        Assert.Equal(expected, OfflineAnswerer.PaperName(title));
}
