using System.Globalization;
using System.Text.Json;
using ResearchBot.Text.SentenceRoles;
using Xunit.Abstractions;

namespace ResearchBot.Core.Tests.Text.SentenceRoles;

public sealed class SentenceRoleTaggerTests(ITestOutputHelper output)
{
    private const string Locret =
        "Large language models (LLMs) have shown remarkable advances in supporting long-context comprehension and processing tasks. " +
        "Existing KV cache compression methods, such as quantization, face memory bottlenecks as context length increases, while static-sized caches, such as eviction, suffer from inefficient policies. " +
        "To overcome this, we propose Locret, a framework for long-context LLM inference that introduces retaining heads to evaluate the causal importance of KV cache units. " +
        "Locret is fine-tuned on top of the frozen backbone LLM using a minimal amount of data. " +
        "Experimental results show that Locret achieves over a 20x and 8x KV cache compression ratio compared to the full KV cache. " +
        "Our code is available at https://github.com/example/locret.";

    [Fact]
    public void Tags_background_method_result_and_release_notice_by_cue_and_position()
    {
        var tagged = SentenceRoleTagger.Tag(Locret, "Locret: Enhancing Eviction in Long-Context LLM Inference");

        Assert.Equal(
            [SentenceRole.Background, SentenceRole.Background, SentenceRole.Method, SentenceRole.Method, SentenceRole.Result, SentenceRole.ReleaseNotice],
            tagged.Select(t => t.Role));
        Assert.Equal([false, false, false, false, true, false], tagged.Select(t => t.HasFigure));
        Assert.Equal(Enumerable.Range(0, 6), tagged.Select(t => t.Index));
    }

    [Fact]
    public void A_result_cue_in_someone_elses_work_before_the_papers_method_is_background()
    {
        var tagged = SentenceRoleTagger.Tag(
            "Visual autoregressive modeling has garnered attention, since it yields substantial improvements in efficiency. " +
            "Prior methods achieve 90% accuracy but need large caches. " +
            "We present ScaleKV, which compresses the cache per scale. " +
            "It reduces the KV cache memory to 10% while preserving fidelity.");

        Assert.Equal([SentenceRole.Background, SentenceRole.Background, SentenceRole.Method, SentenceRole.Result], tagged.Select(t => t.Role));
    }

    [Fact]
    public void A_link_inside_a_finding_does_not_make_it_a_release_notice()
    {
        var tagged = SentenceRoleTagger.Tag(
            "We propose Optima, a framework for multi-agent training. " +
            "Optima shows the potential towards scalable and efficient systems (https://example.github.io/optima-page). " +
            "Models and data will be publicly released. " +
            "We release the Optima-8B model checkpoint to accelerate future research.");

        Assert.Equal([SentenceRole.Method, SentenceRole.Method, SentenceRole.ReleaseNotice, SentenceRole.ReleaseNotice], tagged.Select(t => t.Role));
    }

    [Theory]
    [InlineData("It reduces the memory footprint by 41% compared to FP16.", true)]
    [InlineData("Inference is 2.4x faster and 3 times cheaper.", true)]
    [InlineData("It needs 12 GB of GPU memory.", true)]
    [InlineData("We evaluate on GPT-J and Llama-3.1-8B across tasks.", false)]
    [InlineData("We release MiniCPM in 2024.", false)]
    public void Figures_are_percentages_factors_and_sizes_not_model_names_or_years(string sentence, bool expected) =>
        Assert.Equal(expected, SentenceRoleTagger.HasFigure(sentence));

    [Fact]
    public void The_best_contribution_is_the_proposal_never_background_or_a_release_notice()
    {
        Assert.StartsWith("To overcome this, we propose Locret", ContributionSentences.Best(Locret)!.Text);
        Assert.Null(ContributionSentences.Best(
            "Existing methods suffer from memory bottlenecks. However, long contexts remain challenging. Code is available at https://github.com/x/y."));
        var resultOnly = ContributionSentences.Best("Recent models have become large. Experiments show that pruning half the heads keeps 98% of accuracy.");
        Assert.Equal(SentenceRole.Result, resultOnly!.Role);
    }

    /// <summary>
    /// Accuracy against abstracts labelled by hand (Text/SentenceRoles/labelled-abstracts.jsonl, five abstracts of the
    /// sample corpus, 47 sentences), as a floor; the figure is written to the test output.
    /// </summary>
    [Fact]
    public void Agrees_with_hand_labels_on_most_sentences()
    {
        var total = 0;
        var agreed = 0;
        var contributionAgreed = 0;
        foreach (var line in File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Text", "SentenceRoles", "labelled-abstracts.jsonl")))
        {
            if (line.Trim().Length == 0) continue;
            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            var labels = root.GetProperty("roles").EnumerateArray().Select(r => Enum.Parse<SentenceRole>(r.GetString()!)).ToList();
            var tagged = SentenceRoleTagger.Tag(root.GetProperty("abstract").GetString()!, root.GetProperty("title").GetString());
            Assert.Equal(labels.Count, tagged.Count);
            for (var i = 0; i < labels.Count; i++)
            {
                total++;
                if (tagged[i].Role == labels[i]) agreed++;
                else output.WriteLine($"  labelled {labels[i]}, tagged {tagged[i].Role}: {tagged[i].Text}");
                if (IsContribution(tagged[i].Role) == IsContribution(labels[i])) contributionAgreed++;
            }
        }

        var accuracy = (double)agreed / total;
        var contribution = (double)contributionAgreed / total;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"sentence roles: {agreed}/{total} ({accuracy:P1}) agree with the hand labels; contribution vs not: {contributionAgreed}/{total} ({contribution:P1})"));
        Assert.True(accuracy >= 0.8, $"only {agreed} of {total} sentence roles agree with the hand labels");
        Assert.True(contribution >= 0.9, $"only {contributionAgreed} of {total} sentences are right about being a contribution");
    }

    private static bool IsContribution(SentenceRole role) => role is SentenceRole.Method or SentenceRole.Result;

    [Fact]
    public void With_the_title_the_best_contribution_is_the_proposal_naming_the_paper_and_the_finding_is_a_result_with_a_figure()
    {
        const string text = "KV caches grow with context. In this paper, we propose a new compression idea. " +
            "Our study reveals that heads differ. Therefore, we propose RazorKV, which keeps full caches for retrieval heads. " +
            "Extensive evaluations show that RazorKV cuts the cache by 70%.";
        var tagged = SentenceRoleTagger.Tag(text, "RazorKV: Head-Aware Cache Compression");

        Assert.StartsWith("Therefore, we propose RazorKV", ContributionSentences.Best(tagged, "RazorKV: Head-Aware Cache Compression")!.Text);
        Assert.StartsWith("In this paper, we propose a new", ContributionSentences.Best(tagged)!.Text);
        Assert.StartsWith("Extensive evaluations show", ContributionSentences.Finding(tagged)!.Text);
        var resultOnly = SentenceRoleTagger.Tag("Recent models have become large. Experiments show that pruning half the heads keeps 98% of accuracy.");
        Assert.Null(ContributionSentences.Finding(resultOnly, ContributionSentences.Best(resultOnly)));
    }
}
