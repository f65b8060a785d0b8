using ResearchBot.Papers;
using ResearchBot.Storage;
using static ResearchBot.Tests.Storage.TestPapers;

namespace ResearchBot.Tests.Storage;

/// <summary>Folding the records of one batch that are the same paper, without a store.</summary>
public class BatchDeduperTests
{
    [Fact]
    public void Records_with_the_same_id_or_title_key_become_one_in_first_seen_order()
    {
        var again = Diffusion with { Listings = [new Listing(Day(9), "api")] };
        var retitled = Quantization with { Title = Quantization.Title.ToUpperInvariant(), Id = "2401.00001" };

        var result = BatchDeduper.Dedupe([Diffusion, Quantization, again, retitled]);

        Assert.Equal([Diffusion.Id, "2401.00001"], result.Select(p => p.Id));
        Assert.Equal([Day(4), Day(9)], result[0].Listings.Select(l => l.Day));
    }

    [Fact]
    public void A_record_joining_two_earlier_ones_makes_them_one()
    {
        var byTitle = Make("Sparse Mixture of Experts at Scale", "Short.", 1, id: "2402.00002");
        var byId = Make("Another Title Entirely", "A much longer abstract about routing tokens to experts.", 2, id: "t-other");
        var bridge = Make("Sparse Mixture of Experts at Scale", "Short.", 3, id: "t-other");

        var result = BatchDeduper.Dedupe([byTitle, byId, bridge]);

        var one = Assert.Single(result);
        Assert.Equal("2402.00002", one.Id);
        Assert.Equal([Day(1), Day(2), Day(3)], one.Listings.Select(l => l.Day));
    }

    [Fact]
    public void A_shared_generic_title_with_different_arxiv_ids_stays_two_papers()
    {
        var a = Make("Technical Report", "One lab's model.", 1, id: "2403.00003");
        var b = Make("Technical Report", "Another lab's model.", 1, id: "2403.00004");

        Assert.Equal(2, BatchDeduper.Dedupe([a, b]).Count);
    }
}
