using ResearchBot.Retrieval.Index;

namespace ResearchBot.Tests.Retrieval.Index;

public class NearDuplicatesTests
{
    private static RankedDocument Doc(int doc, string title) => new(doc, title, 1.0 / (doc + 1), 0.5);

    [Fact]
    public void A_near_copy_of_a_better_ranked_title_is_dropped()
    {
        var ranked = new List<RankedDocument>
        {
            Doc(0, "Diffusion Models Beat GANs on Image Synthesis"),
            Doc(1, "Diffusion Models Beat GANs on Image Synthesis v2"),
            Doc(2, @"Diffusion Models Beat $\mathbf{GANs}$ on Image Synthesis"),
            Doc(3, "Diffusion Models for Video Synthesis"),
        };

        var kept = NearDuplicates.Suppress(ranked, 0.9, 10);

        Assert.Equal([0, 3], kept.Select(r => r.Doc));
    }

    [Fact]
    public void The_result_stops_at_top()
    {
        var ranked = Enumerable.Range(0, 10).Select(i => Doc(i, $"Entirely distinct title number {i} {new string((char)('a' + i), 5)}")).ToList();
        Assert.Equal(3, NearDuplicates.Suppress(ranked, 0.9, 3).Count);
    }
}
