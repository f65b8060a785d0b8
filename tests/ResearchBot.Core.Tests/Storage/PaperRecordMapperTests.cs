using Microsoft.Extensions.VectorData;
using ResearchBot.Papers;
using ResearchBot.Storage;
using static ResearchBot.Tests.Storage.TestPapers;

namespace ResearchBot.Tests.Storage;

public class PaperRecordMapperTests
{
    private static readonly Paper Full = Diffusion with
    {
        Id = "2105.05233", Authors = ["Prafulla Dhariwal", "Alex Nichol"], AuthorCount = 2, Published = new DateOnly(2021, 5, 11),
        Upvotes = 7, Url = "https://arxiv.org/abs/2105.05233", AiSummary = "Guided diffusion.", AiKeywords = ["diffusion", "gan"],
    };

    [Fact]
    public void A_record_maps_every_field_and_back_to_the_same_paper()
    {
        var record = PaperRecord.From(Full);

        Assert.Equal((Full.Id, Full.Title, Full.Abstract, Full.Date, Full.Published, Full.AuthorCount, Full.Upvotes, Full.Url, Full.AiSummary),
            (record.Id, record.Title, record.Abstract, record.Date, record.Published, record.AuthorCount, record.Upvotes, record.Url, record.AiSummary));
        Assert.Equal(Full.Authors, record.Authors);
        Assert.Equal(Full.AiKeywords, record.AiKeywords);
        Assert.Same(Full, record.ToPaper());
    }

    [Fact]
    public void A_changed_record_makes_a_new_paper_that_keeps_the_listings()
    {
        var record = PaperRecord.From(Full);
        record.Upvotes = 9;
        record.AiKeywords = ["diffusion"];

        var paper = record.ToPaper();

        Assert.NotSame(Full, paper);
        Assert.Equal((Full.Id, Full.Title, Full.Abstract, Full.Published, Full.AuthorCount, 9, Full.Url, Full.AiSummary),
            (paper.Id, paper.Title, paper.Abstract, paper.Published, paper.AuthorCount, paper.Upvotes, paper.Url, paper.AiSummary));
        Assert.Equal(Full.Authors, paper.Authors);
        Assert.Equal(["diffusion"], paper.AiKeywords);
        Assert.Equal(Full.Listings, paper.Listings);
    }

    [Fact]
    public void The_definition_has_the_key_every_data_field_and_a_vector_of_the_given_size()
    {
        var definition = PaperRecordMapper.Definition(384);

        Assert.Equal(nameof(PaperRecord.Id), Assert.Single(definition.Properties.OfType<VectorStoreKeyProperty>()).Name);
        var data = definition.Properties.OfType<VectorStoreDataProperty>().Select(p => p.Name).ToHashSet();
        var expected = typeof(PaperRecord).GetProperties().Select(p => p.Name)
            .Except([nameof(PaperRecord.Id), nameof(PaperRecord.Embedding), nameof(PaperRecord.Paper), nameof(PaperRecord.Relevance)]);
        Assert.Equal(expected.ToHashSet(), data);
        var vector = Assert.Single(definition.Properties.OfType<VectorStoreVectorProperty>());
        Assert.Equal((nameof(PaperRecord.Embedding), 384, DistanceFunction.CosineSimilarity), (vector.Name, vector.Dimensions, vector.DistanceFunction));
    }
}
