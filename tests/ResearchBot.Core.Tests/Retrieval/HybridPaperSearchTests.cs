using ResearchBot.Papers;
using ResearchBot.Retrieval;
using ResearchBot.Tests.Storage;
using static ResearchBot.Tests.Storage.TestPapers;

namespace ResearchBot.Tests.Retrieval;

public class HybridPaperSearchTests(SeedStoreFixture seeds) : IClassFixture<SeedStoreFixture>
{
    private static async Task<TestStore> CorpusStoreAsync(params Paper[] extra)
    {
        var t = TestStore.InMemory();
        await t.Store.UpsertAsync([.. Corpus, .. extra]);
        return t;
    }

    [Fact]
    public async Task An_exact_title_finds_its_paper_first()
    {
        using var t = await CorpusStoreAsync();
        foreach (var paper in Corpus)
        {
            var results = await t.Search.SearchAsync(new SearchQuery(paper.Title, Top: 5));
            Assert.Equal(paper.Id, results.Hits[0].Paper.Id);
        }
    }

    [Theory]
    [InlineData("Dynamic Scaling of Unit Tests for Code Reward Modeling")]
    [InlineData("Transformers Get Stable: An End-to-End Signal Propagation Theory for Language Models")]
    [InlineData("u-muP: The Unit-Scaled Maximal Update Parametrization")]
    [InlineData("Inference Scaling FLaws: The Limits of LLM Resampling with Imperfect Verifiers")]
    public async Task An_exact_seed_title_finds_its_paper_first(string title)
    {
        var results = await seeds.Store.Search.SearchAsync(new SearchQuery(title, Top: 5));
        Assert.Equal(TitleKey.Of(title), results.Hits[0].Paper.TitleKey);
    }

    [Theory]
    [InlineData("tranformers summarizing long documents", "Transformers for Long Document Summarization")]
    [InlineData("vison-language contrastive pretraining", "Vision-Language Pretraining with Contrastive Captions")]
    [InlineData("quantizing llm weights to 4 bits", "Quantization of Large Language Models to Four Bits")]
    [InlineData("robots learning to walk with reinforcment learning", "Reinforcement Learning for Legged Robot Locomotion")]
    [InlineData("which paper predicts properties of molecules with graph networks?", "Graph Neural Networks for Molecule Property Prediction")]
    public async Task Inflected_and_misspelled_queries_still_find_the_paper(string query, string title)
    {
        using var t = await CorpusStoreAsync();
        var results = await t.Search.SearchAsync(new SearchQuery(query, Top: 3));
        Assert.Equal(title, results.Hits[0].Paper.Title);
    }

    [Fact]
    public async Task Date_filters_exclude_papers_out_of_range_and_count_the_range()
    {
        using var t = await CorpusStoreAsync();

        var results = await t.Search.SearchAsync(new SearchQuery("language models images speech molecules", Top: 20, From: Day(3), To: Day(5)));

        Assert.Equal(3, results.PapersInRange);
        Assert.NotEmpty(results.Hits);
        Assert.All(results.Hits, h => Assert.InRange(h.Paper.Date!.Value, Day(3), Day(5)));
        var from = await t.Search.SearchAsync(new SearchQuery("reinforcement learning robot", Top: 20, From: Day(9)));
        Assert.Equal(1, from.PapersInRange);
        Assert.All(from.Hits, h => Assert.Equal(Speech.Id, h.Paper.Id));
        var to = await t.Search.SearchAsync(new SearchQuery("reinforcement learning robot", Top: 20, To: Day(7)));
        Assert.Equal(6, to.PapersInRange);
        Assert.DoesNotContain(to.Hits, h => h.Paper.Id == Robotics.Id);
        var everything = await t.Search.SearchAsync(new SearchQuery("reinforcement learning robot"));
        Assert.Equal(8, everything.PapersInRange);
        Assert.Equal(Robotics.Id, everything.Hits[0].Paper.Id);
    }

    [Fact]
    public async Task A_range_with_no_papers_has_no_hits()
    {
        using var t = await CorpusStoreAsync();
        var results = await t.Search.SearchAsync(new SearchQuery("diffusion", From: new DateOnly(2020, 1, 1), To: new DateOnly(2020, 12, 31)));
        Assert.Equal(0, results.PapersInRange);
        Assert.Empty(results.Hits);
    }

    [Fact]
    public async Task Near_duplicate_titles_are_suppressed_in_one_result_list()
    {
        var copy = Make(Diffusion.Title + " v2", Diffusion.Abstract + " Revised version.", day: 12);
        using var t = await CorpusStoreAsync(copy);
        Assert.Equal(9, await t.Store.CountAsync());

        var results = await t.Search.SearchAsync(new SearchQuery("diffusion models beat GANs on image synthesis", Top: 5));

        Assert.Single(results.Hits, h => h.Paper.Title.StartsWith("Diffusion Models Beat GANs", StringComparison.Ordinal));
        Assert.True(results.Hits.Count > 1);
    }

    [Fact]
    public async Task Relevance_is_between_zero_and_one_and_hits_are_best_first()
    {
        using var t = await CorpusStoreAsync();
        foreach (var q in new[] { "diffusion", "large language models", "speech", "what is the capital of France", "x" })
        {
            var results = await t.Search.SearchAsync(new SearchQuery(q, Top: 8));
            Assert.All(results.Hits, h => Assert.InRange(h.Relevance, 0, 1));
            Assert.True(results.Hits.Count <= 8);
            Assert.Equal(results.Hits.Count, results.Hits.Select(h => h.Paper.Id).Distinct().Count());
        }
    }

    [Theory]
    [InlineData("What is a good recipe for baking sourdough bread at home?")]
    [InlineData("How long should I roast a chicken with garlic and lemon?")]
    [InlineData("best way to caramelize onions for french onion soup")]
    public async Task An_off_topic_question_has_no_relevant_hit(string question)
    {
        var results = await seeds.Store.Search.SearchAsync(new SearchQuery(question, Top: 10));
        Assert.All(results.Hits, h => Assert.True(h.Relevance < results.RelevanceThreshold, $"{h.Paper.Title}: {h.Relevance:F3}"));
        Assert.Empty(results.Relevant);
    }

    [Theory]
    [InlineData("How can unit tests be scaled to improve code reward models?", "Dynamic Scaling of Unit Tests for Code Reward Modeling")]
    [InlineData("signal propagation theory for very deep transformers", "Transformers Get Stable: An End-to-End Signal Propagation Theory for Language Models")]
    [InlineData("optical processing unit photonic accelerator", "LightOn Optical Processing Unit: Scaling-up AI and HPC with a Non von Neumann co-processor")]
    public async Task An_on_topic_question_has_a_relevant_first_hit(string question, string title)
    {
        var results = await seeds.Store.Search.SearchAsync(new SearchQuery(question, Top: 10));
        Assert.Equal(title, results.Hits[0].Paper.Title);
        Assert.True(results.Hits[0].Relevance >= results.RelevanceThreshold, $"{results.Hits[0].Relevance:F3}");
        Assert.Contains(results.Hits[0], results.Relevant);
    }

    [Fact]
    public async Task A_blank_query_has_no_hits_but_counts_the_range()
    {
        var results = await seeds.Store.Search.SearchAsync(new SearchQuery("   "));
        Assert.Empty(results.Hits);
        Assert.Equal(262, results.PapersInRange);
    }

    [Fact]
    public async Task Top_is_clamped_to_at_least_one()
    {
        var results = await seeds.Store.Search.SearchAsync(new SearchQuery("scaling laws", Top: 0));
        Assert.Single(results.Hits);
    }
}
