using Microsoft.Extensions.AI;
using ResearchBot.Embeddings;
using ResearchBot.Papers;
using ResearchBot.Retrieval;
using ResearchBot.Retrieval.Index;
using ResearchBot.Storage;
using static ResearchBot.Tests.Storage.TestPapers;

namespace ResearchBot.Tests.Storage.Conformance;

/// <summary>
/// What every storage provider must do, run once per provider by a subclass that says how to open its store:
/// dedupe and merge on upsert with honest counts, get and find, listing order, date counts, stats, delete, reembed,
/// a generation that grows with every write, and the contents search reads through <see cref="ISearchIndexSource"/>.
/// </summary>
public abstract class PaperStoreConformance
{
    private static readonly int DefaultDims = new OfflineEmbeddingOptions().Dimensions;

    /// <summary>Opens this test's store (the same one on every call) with the given embedder (the offline one by default).</summary>
    protected abstract StoreUnderTest Open(IEmbeddingGenerator<string, Embedding<float>>? embedder = null, int batchSize = 256);

    [Fact]
    public async Task Upsert_adds_new_papers_and_reads_them_back()
    {
        using var t = Open();
        Assert.Equal(new UpsertResult(Corpus.Count, 0, 0), await t.Store.UpsertAsync(Corpus));
        Assert.Equal(Corpus.Count, await t.Store.CountAsync());
        Assert.Equal(Diffusion, await t.Store.GetAsync(Diffusion.Id), PaperComparer.Instance);
        Assert.Equal(Diffusion, await t.Store.GetAsync(Diffusion.Title), PaperComparer.Instance);
        Assert.Null(await t.Store.GetAsync("2499.99999"));
    }

    [Fact]
    public async Task Re_upserting_the_same_input_is_unchanged_and_keeps_the_generation()
    {
        using var t = Open();
        await t.Store.UpsertAsync(Corpus);
        var generation = t.Source.CurrentGeneration();

        Assert.Equal(new UpsertResult(0, 0, Corpus.Count), await t.Store.UpsertAsync(Corpus));
        Assert.Equal(generation, t.Source.CurrentGeneration());
    }

    [Fact]
    public async Task The_same_paper_by_title_key_is_stored_once_with_its_listings_merged()
    {
        using var t = Open();
        const string latex = @"Inference Scaling $\scriptsize\mathtt{F}$Laws: The Limits of LLM Resampling";
        const string plain = "Inference Scaling scriptsizeFLaws: The Limits of LLM Resampling";
        await t.Store.UpsertAsync([Make(latex, "Resampling is bounded by the verifier.", day: 1)]);

        Assert.Equal(new UpsertResult(0, 1, 0), await t.Store.UpsertAsync([Make(plain, "Resampling is bounded by the verifier.", day: 2)]));
        var stored = await t.Store.GetAsync(PaperId.FromTitle(latex));
        Assert.NotNull(stored);
        Assert.Equal([Day(1), Day(2)], stored.Listings.Select(l => l.Day));
        Assert.Equal(1, await t.Store.CountAsync());
    }

    [Fact]
    public async Task Records_of_one_paper_in_a_batch_are_one_write_and_distinct_arxiv_ids_stay_two_papers()
    {
        using var t = Open();
        await t.Store.UpsertAsync([Make("Old Title About Tokenizers", "Short.", day: 1, id: "2411.00001")]);
        var result = await t.Store.UpsertAsync([
            Make("Revised Title About Tokenizers", "A much longer abstract about tokenizers and their vocabularies.", day: 2, id: "2411.00001"),
            Make("Old Title About Tokenizers", "Short.", day: 3) with { Upvotes = 7 },
            Make("Technical Report", "Alpha model report.", id: "2401.00001"),
            Make("Technical Report", "Beta model report.", id: "2502.00002")]);

        Assert.Equal(new UpsertResult(2, 1, 0), result);
        var merged = await t.Store.GetAsync("2411.00001");
        Assert.NotNull(merged);
        Assert.Equal(7, merged.Upvotes);
        Assert.Equal([Day(1), Day(2), Day(3)], merged.Listings.Select(l => l.Day));
        Assert.Equal("Beta model report.", (await t.Store.GetAsync("2502.00002"))?.Abstract);
        Assert.Equal(3, await t.Store.CountAsync());
        Assert.Equal(1, t.Source.ReadContents().DocumentFrequency["vocabulari"]);
    }

    [Fact]
    public async Task Richer_fields_win_and_a_poorer_record_changes_nothing()
    {
        using var t = Open();
        var fromPage = Make("Sparse Mixture of Experts at Scale", "Short abstract.", day: 3) with { AuthorCount = 9, Upvotes = 12 };
        var fromArxiv = new Paper
        {
            Id = "2411.01234", Title = "Sparse Mixture of Experts at Scale",
            Abstract = "A much longer abstract: sparse mixture of experts layers route every token to two of sixty-four experts.",
            Authors = ["Ada Lovelace", "Alan Turing"], Published = new DateOnly(2026, 10, 30), Upvotes = 5,
            Url = "https://arxiv.org/abs/2411.01234", AiSummary = "Routing.", AiKeywords = ["moe", "routing"], Listings = [new Listing(Day(4), "arxiv")],
        };
        await t.Store.UpsertAsync([fromPage]);
        Assert.Equal(new UpsertResult(0, 1, 0), await t.Store.UpsertAsync([fromArxiv]));
        Assert.Equal(new UpsertResult(0, 0, 1), await t.Store.UpsertAsync([Make("Sparse Mixture of Experts at Scale", "Short.") with { Upvotes = 3 }]));

        var stored = await t.Store.GetAsync("2411.01234");
        Assert.NotNull(stored);
        Assert.Equal(fromArxiv with { AuthorCount = 9, Upvotes = 12, Listings = [new Listing(Day(3), "page"), new Listing(Day(4), "arxiv")] }, stored, PaperComparer.Instance);
        Assert.Null(await t.Store.GetAsync(fromPage.Id));
    }

    [Fact]
    public async Task Find_goes_by_id_then_title_words_and_returns_null_when_nothing_matches()
    {
        using var t = Open();
        await t.Store.UpsertAsync([
            Make("ScatterFormer: Efficient Voxel Transformer with Scattered Linear Attention", "A.", id: "2401.00001"),
            Make("Keyformer: KV Cache Reduction through Key Tokens Selection", "B.", id: "2401.00002")]);

        Assert.Equal("2401.00002", (await t.Store.FindAsync("2401.00002"))!.Id);
        Assert.Equal("2401.00001", (await t.Store.FindAsync("scatterformer"))!.Id);
        Assert.Equal("2401.00002", (await t.Store.FindAsync("kv cache key tokens"))!.Id);
        Assert.Null(await t.Store.FindAsync("brisket smoking"));
        Assert.Null(await t.Store.FindAsync("?!"));
    }

    [Fact]
    public async Task Listed_on_keeps_page_order_with_a_second_source_and_days_ascend()
    {
        using var t = Open();
        var page = new[] { "Alpha Paper on Sparse Attention", "Bravo Paper on Tokenizers", "Charlie Paper on Optimizers", "Delta Paper on Agents" }
            .Select(title => Make(title, "An abstract about " + title.ToLowerInvariant() + ".", day: 5)).ToList();
        await t.Store.UpsertAsync([Make("Zulu Paper on Robots", "Robots.", day: 9)]);
        await t.Store.UpsertAsync(page);
        await t.Store.UpsertAsync([page[2] with { Listings = [new Listing(Day(5), "hf-daily")] }, Make("Echo Paper on Robots", "Robots.", day: 5, source: "hf-daily")]);

        Assert.Equal(["Alpha", "Bravo", "Charlie", "Delta", "Echo"], (await t.Store.GetListedOnAsync(Day(5))).Select(p => p.Title.Split(' ')[0]));
        Assert.Empty(await t.Store.GetListedOnAsync(Day(30)));
        Assert.Equal([Day(5), Day(9)], await t.Store.GetListingDaysAsync());
    }

    [Fact]
    public async Task Listed_on_keeps_the_seed_pages_order()
    {
        using var t = Open();
        var pages = SeedPapers.Pages();
        foreach (var page in pages) await t.Store.UpsertAsync(page);

        Assert.Equal(262, await t.Store.CountAsync());
        foreach (var page in pages.Where(p => p.Count > 0 && p[0].Listings.Count > 0))
        {
            var day = page[0].Listings[0].Day;
            var expected = pages.SelectMany(p => p).Where(p => p.Listings.Any(l => l.Day == day)).Select(p => p.TitleKey).Distinct().ToList();
            Assert.Equal(expected, (await t.Store.GetListedOnAsync(day)).Select(p => p.TitleKey));
        }
    }

    [Fact]
    public async Task Count_honours_inclusive_date_bounds()
    {
        using var t = Open();
        await t.Store.UpsertAsync([.. Corpus, Make("A Paper Without Any Date", "No listing and no published date."),
            Make("A Paper Only Published", "Published only.") with { Published = Day(20) }]);

        Assert.Equal(10, await t.Store.CountAsync());
        Assert.Equal(3, await t.Store.CountAsync(Day(3), Day(5)));
        Assert.Equal(6, await t.Store.CountAsync(from: Day(5)));
        Assert.Equal(2, await t.Store.CountAsync(to: Day(3)));
        Assert.Equal(1, await t.Store.CountAsync(Day(20), Day(25)));
    }

    [Fact]
    public async Task Stats_report_papers_listings_days_and_the_embedder()
    {
        using var t = Open();
        Assert.Equal(new StoreStats(0, 0, [], null, null), (await t.Store.GetStatsAsync()) with { Days = [] });
        await t.Store.UpsertAsync(Corpus);
        await t.Store.UpsertAsync([Robotics with { Listings = [new Listing(Day(9), "hf-daily")] }]);

        var stats = await t.Store.GetStatsAsync();

        Assert.Equal((8, 9), (stats.Papers, stats.Listings));
        Assert.Equal(Enumerable.Range(2, 8).Select(Day), stats.Days);
        Assert.Equal($"offline:offline-hash-v1-{DefaultDims}", stats.EmbeddingModel);
        Assert.Equal(DefaultDims, stats.EmbeddingDimensions);
    }

    [Fact]
    public async Task Delete_removes_paper_listings_vector_and_postings_and_never_reuses_its_number()
    {
        using var t = Open();
        await t.Store.UpsertAsync(Corpus);
        var before = t.Source.ReadContents();
        var generation = t.Source.CurrentGeneration();

        Assert.Equal(1, await t.Store.DeleteAsync([Diffusion.Id, "no-such-id"]));

        Assert.True(t.Source.CurrentGeneration() > generation);
        Assert.Null(await t.Store.GetAsync(Diffusion.Id));
        Assert.Equal(7, (await t.Store.GetStatsAsync()).Listings);
        Assert.Null(t.Source.ReadPostings("diffus"));
        var after = t.Source.ReadContents();
        Assert.Equal(7, after.Exists.Count(e => e));
        Assert.DoesNotContain("denois", after.DocumentFrequency.Keys);
        var hits = await t.Search.SearchAsync(new SearchQuery("denoising diffusion classifier guidance"));
        Assert.DoesNotContain(hits.Hits, h => h.Paper.Id == Diffusion.Id);

        await t.Store.DeleteAsync([Speech.Id]);
        await t.Store.UpsertAsync([Make("A Paper After Deletions", "Added last.", day: 9)]);
        var last = t.Source.ReadContents();
        Assert.Equal(before.Capacity + 1, last.Capacity);
        Assert.Equal("A Paper After Deletions", t.Store.GetByDocs([last.Capacity - 1]).Single().Paper.Title);
    }

    [Fact]
    public async Task Reembed_switches_the_store_to_the_new_embedder_and_refuses_the_old_one()
    {
        using (var t = Open()) await t.Store.UpsertAsync(Corpus);
        var small = new OfflineEmbeddingGenerator(new OfflineEmbeddingOptions { Dimensions = 128 });
        using var other = Open(small);
        await Assert.ThrowsAsync<EmbeddingMismatchException>(() => other.Store.UpsertAsync([Make("A New Paper on Tokenizers", "Byte pair encoding.", day: 9)]));
        var generation = other.Source.CurrentGeneration();

        Assert.Equal(8, await other.Store.ReembedAsync());

        Assert.True(other.Source.CurrentGeneration() > generation);
        var stats = await other.Store.GetStatsAsync();
        Assert.Equal((128, "offline:offline-hash-v1-128"), (stats.EmbeddingDimensions, stats.EmbeddingModel));
        Assert.Equal(128, other.Store.Vectors([t0(other)]).GetValueOrDefault(t0(other))?.Length);
        Assert.Equal(Diffusion.Id, (await other.Search.SearchAsync(new SearchQuery("diffusion models image synthesis", 3))).Hits[0].Paper.Id);
        using var original = Open();
        await Assert.ThrowsAsync<EmbeddingMismatchException>(() => original.Store.UpsertAsync([Make("Yet Another Paper", "Text.")]));

        static int t0(StoreUnderTest s) => s.Store.Find(ResearchBot.Storage.PaperFilter.All, [], 0, 1)[0].Doc;
    }

    [Fact]
    public async Task A_failed_upsert_changes_nothing()
    {
        using (var t = Open()) await t.Store.UpsertAsync(Corpus.Take(4).ToList());
        using var failing = Open(new ThrowingEmbeddingGenerator(textsBeforeFailure: 2), batchSize: 1);
        var generation = failing.Source.CurrentGeneration();
        List<Paper> batch = [Transformers with { Abstract = Transformers.Abstract + " We also release code." }, .. Corpus.Skip(4)];

        await Assert.ThrowsAsync<InvalidOperationException>(() => failing.Store.UpsertAsync(batch));

        Assert.Equal(generation, failing.Source.CurrentGeneration());
        Assert.Equal(4, await failing.Store.CountAsync());
        Assert.Equal(Transformers.Abstract, (await failing.Store.GetAsync(Transformers.Id))!.Abstract);
        using var t2 = Open();
        Assert.Equal(new UpsertResult(4, 1, 0), await t2.Store.UpsertAsync(batch));
    }

    [Fact]
    public async Task The_generation_grows_with_every_write()
    {
        using var t = Open();
        var seen = new List<long> { t.Source.CurrentGeneration() };
        await t.Store.UpsertAsync(Corpus.Take(3).ToList());
        seen.Add(t.Source.CurrentGeneration());
        await t.Store.UpsertAsync([Molecules with { Abstract = Molecules.Abstract + " And crystals." }]);
        seen.Add(t.Source.CurrentGeneration());
        await t.Store.DeleteAsync([Corpus[0].Id]);
        seen.Add(t.Source.CurrentGeneration());
        await t.Store.ReembedAsync();
        seen.Add(t.Source.CurrentGeneration());

        Assert.Equal(seen.Order(), seen);
        Assert.Equal(seen.Count, seen.Distinct().Count());
    }

    [Fact]
    public async Task The_index_source_holds_lengths_dates_frequencies_postings_vectors_and_texts()
    {
        using var t = Open();
        await t.Store.UpsertAsync(Corpus);
        await t.Store.UpsertAsync([Make("An Undated Paper About Diffusion", "Diffusion without a date.")]);

        var c = t.Source.ReadContents();

        Assert.Equal(t.Source.CurrentGeneration(), c.Generation);
        var papers = t.Store.Find(ResearchBot.Storage.PaperFilter.All, [], 0, 100);
        Assert.Equal(9, papers.Count);
        Assert.Equal(papers.Count, c.Exists.Count(e => e));
        foreach (var (doc, paper) in papers)
        {
            Assert.True(c.Exists[doc]);
            var terms = ResearchBot.Retrieval.Lexical.DocumentTerms.Of(paper.Title, paper.Abstract);
            Assert.Equal((terms.Title.Count, terms.Abstract.Count), (c.TitleLength[doc], c.AbstractLength[doc]));
            Assert.Equal(paper.Date?.DayNumber ?? int.MinValue, c.DayNumber[doc]);
            Assert.Equal(new DocumentText(paper.Title, paper.Abstract), t.Source.ReadTexts([doc])[doc]);
        }
        var diffusion = t.Source.ReadPostings("diffus");
        Assert.NotNull(diffusion);
        Assert.Equal(2, c.DocumentFrequency["diffus"]);
        Assert.Equal(2, diffusion.Count);
        Assert.Equal([Diffusion.Id, PaperId.FromTitle("An Undated Paper About Diffusion")], t.Store.GetByDocs([.. diffusion.Docs.Take(diffusion.Count)]).Select(p => p.Paper.Id));
        Assert.Null(t.Source.ReadPostings("brisket"));
        Assert.NotNull(c.Vectors);
        Assert.Equal(DefaultDims, c.Vectors.Dimensions);
        Assert.Equal(new StoredEmbedder($"offline:offline-hash-v1-{DefaultDims}", DefaultDims), c.Embedder);
        Assert.Equal(DefaultDims, t.Store.Vectors([papers[0].Doc]).GetValueOrDefault(papers[0].Doc)!.Length);
        Assert.Empty(t.Source.ReadTexts([]));
    }

    [Fact]
    public async Task Search_finds_new_papers_as_soon_as_they_are_stored()
    {
        using var t = Open();
        await t.Store.UpsertAsync(Corpus);
        Assert.Equal(Rag.Id, (await t.Search.SearchAsync(new SearchQuery("dense retriever open-domain questions", 1))).Hits[0].Paper.Id);

        await t.Store.UpsertAsync([Make("Speculative Decoding with Draft Heads", "Draft heads propose tokens that the large model verifies in parallel.", day: 9)]);

        Assert.Equal("Speculative Decoding with Draft Heads", (await t.Search.SearchAsync(new SearchQuery("speculative decoding draft heads", 1))).Hits[0].Paper.Title);
    }
}
