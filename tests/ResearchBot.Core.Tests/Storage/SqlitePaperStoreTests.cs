using ResearchBot.Embeddings;
using ResearchBot.Papers;
using ResearchBot.Retrieval;
using ResearchBot.Storage;
using ResearchBot.Tests.Ingestion;
using static ResearchBot.Tests.Storage.TestPapers;

namespace ResearchBot.Tests.Storage;

public class SqlitePaperStoreTests
{
    private static readonly int DefaultDims = new OfflineEmbeddingOptions().Dimensions;

    private const string LatexTitle = @"Inference Scaling $\scriptsize\mathtt{F}$Laws: The Limits of LLM Resampling with Imperfect Verifiers";
    private const string PlainTitle = "Inference Scaling scriptsizeFLaws: The Limits of LLM Resampling with Imperfect Verifiers";
    private const string ScalingAbstract = "Inference scaling with resampling is bounded by the false positive rate of imperfect unit test verifiers.";

    [Fact]
    public async Task Upsert_adds_new_papers()
    {
        using var t = TestStore.InMemory();
        var result = await t.Store.UpsertAsync(Corpus);
        Assert.Equal(new UpsertResult(Corpus.Count, 0, 0), result);
        Assert.Equal(Corpus.Count, await t.Store.CountAsync());
        var stored = await t.Store.GetAsync(Diffusion.Id);
        Assert.NotNull(stored);
        Assert.Equal(Diffusion.Title, stored.Title);
        Assert.Equal(Diffusion.Abstract, stored.Abstract);
        Assert.Equal(Diffusion.Listings, stored.Listings);
    }

    [Fact]
    public async Task The_same_paper_typeset_two_ways_is_stored_once()
    {
        using var t = TestStore.InMemory();
        var latex = new Paper { Id = PaperId.FromTitle(LatexTitle), Title = LatexTitle, Abstract = ScalingAbstract, Listings = [new Listing(Day(1), "page")] };
        var plain = new Paper { Id = PaperId.FromTitle(PlainTitle), Title = PlainTitle, Abstract = ScalingAbstract, Listings = [new Listing(Day(2), "page")] };

        await t.Store.UpsertAsync([latex]);
        var second = await t.Store.UpsertAsync([plain]);

        Assert.Equal(new UpsertResult(0, 1, 0), second);
        Assert.Equal(1, await t.Store.CountAsync());
        var stored = await t.Store.GetAsync(latex.Id);
        Assert.NotNull(stored);
        Assert.Equal([new Listing(Day(1), "page"), new Listing(Day(2), "page")], stored.Listings);
    }

    [Fact]
    public async Task Two_typesettings_in_one_batch_are_stored_once()
    {
        using var t = TestStore.InMemory();
        var latex = new Paper { Id = PaperId.FromTitle(LatexTitle), Title = LatexTitle, Abstract = ScalingAbstract };
        var plain = new Paper { Id = PaperId.FromTitle(PlainTitle), Title = PlainTitle, Abstract = ScalingAbstract };

        var result = await t.Store.UpsertAsync([latex, plain]);

        Assert.Equal(new UpsertResult(1, 0, 0), result);
        Assert.Equal(1, await t.Store.CountAsync());
    }

    [Fact]
    public async Task Two_records_of_a_batch_that_reach_one_stored_paper_are_both_merged_into_it()
    {
        using var t = TestStore.InMemory();
        await t.Store.UpsertAsync([Make("Old Title About Tokenizers", "Short.", day: 1, id: "2411.00001")]);
        var longer = "A much longer abstract about tokenizers and their vocabularies.";

        // The first reaches the stored paper by its arXiv id (its title was reworded), the second by its title.
        var result = await t.Store.UpsertAsync([
            Make("Revised Title About Tokenizers", longer, day: 2, id: "2411.00001"),
            Make("Old Title About Tokenizers", "Short.", day: 3) with { Upvotes = 7 }]);

        Assert.Equal(new UpsertResult(0, 1, 0), result);
        var stored = await t.Store.GetAsync("2411.00001");
        Assert.NotNull(stored);
        Assert.Equal(longer, stored.Abstract);
        Assert.Equal(7, stored.Upvotes);
        Assert.Equal([Day(1), Day(2), Day(3)], stored.Listings.Select(l => l.Day));
        Assert.Equal(1, await t.Store.CountAsync());
        Assert.Equal(1, t.Scalar("SELECT df FROM terms WHERE term = 'vocabulari'"));
    }

    [Fact]
    public async Task A_batch_record_joining_two_earlier_ones_makes_them_one_paper()
    {
        using var t = TestStore.InMemory();

        // 1 and 3 share the arXiv id, 2 and 3 the title: all three are one paper.
        var result = await t.Store.UpsertAsync([
            Make("First Wording of a Paper", "A.", day: 1, id: "2411.00002"),
            Make("Second Wording of a Paper", "A longer abstract.", day: 2),
            Make("Second Wording of a Paper", "C.", day: 3, id: "2411.00002"),
            Make("First Wording of a Paper", "D.", day: 4)]);

        Assert.Equal(new UpsertResult(1, 0, 0), result);
        var stored = await t.Store.GetAsync("2411.00002");
        Assert.NotNull(stored);
        Assert.Equal("A longer abstract.", stored.Abstract);
        Assert.Equal(4, stored.Listings.Count);
    }

    [Fact]
    public async Task Papers_with_non_latin_titles_stay_distinct()
    {
        using var t = TestStore.InMemory();

        var result = await t.Store.UpsertAsync([Make("注意力机制", "Attention.", id: "2411.00003"), Make("扩散模型", "Diffusion.", id: "2411.00004"), Make("强化学习", "RL.")]);

        Assert.Equal(new UpsertResult(3, 0, 0), result);
        Assert.Equal("Diffusion.", (await t.Store.GetAsync("2411.00004"))?.Abstract);
    }

    [Fact]
    public async Task Re_upserting_the_same_input_changes_nothing()
    {
        using var t = TestStore.InMemory();
        await t.Store.UpsertAsync(Corpus);
        var generation = t.IndexSource.CurrentGeneration();
        var before = t.Dump();

        var again = await t.Store.UpsertAsync(Corpus);

        Assert.Equal(new UpsertResult(0, 0, Corpus.Count), again);
        Assert.Equal(generation, t.IndexSource.CurrentGeneration());
        Assert.Equal(before, t.Dump());
    }

    [Fact]
    public async Task Re_ingesting_the_seed_pages_reports_every_paper_unchanged()
    {
        using var t = TestStore.InMemory();
        var pages = SeedPapers.Pages();
        foreach (var page in pages) await t.Store.UpsertAsync(page);
        var generation = t.IndexSource.CurrentGeneration();

        var results = new List<UpsertResult>();
        foreach (var page in pages) results.Add(await t.Store.UpsertAsync(page));

        Assert.All(results, r => Assert.Equal(0, r.Added + r.Updated));
        Assert.Equal(pages.Sum(p => p.Count), results.Sum(r => r.Unchanged));
        Assert.Equal(262, await t.Store.CountAsync());
        Assert.Equal(generation, t.IndexSource.CurrentGeneration());
    }

    [Fact]
    public async Task The_same_paper_from_two_days_and_sources_merges_its_listings()
    {
        using var t = TestStore.InMemory();
        await t.Store.UpsertAsync([Diffusion]);
        await t.Store.UpsertAsync([Diffusion with { Listings = [new Listing(Day(10), "hf-daily")] }]);
        await t.Store.UpsertAsync([Diffusion with { Listings = [new Listing(Day(1), "arxiv")] }]);

        var stored = await t.Store.GetAsync(Diffusion.Id);

        Assert.NotNull(stored);
        Assert.Equal([new Listing(Day(1), "arxiv"), new Listing(Day(4), "page"), new Listing(Day(10), "hf-daily")], stored.Listings);
        Assert.Equal(Day(1), stored.Date);
        Assert.Equal(3, (await t.Store.GetStatsAsync()).Listings);
        Assert.Equal([Day(1), Day(4), Day(10)], await t.Store.GetListingDaysAsync());
    }

    [Fact]
    public async Task Richer_fields_win_when_a_paper_is_seen_again()
    {
        using var t = TestStore.InMemory();
        var fromPage = Make("Sparse Mixture of Experts at Scale", "Short abstract.", day: 3) with { AuthorCount = 9, Upvotes = 12 };
        var fromArxiv = new Paper
        {
            Id = "2411.01234",
            Title = "Sparse Mixture of Experts at Scale",
            Abstract = "A much longer abstract: sparse mixture of experts layers route every token to two of sixty-four experts.",
            Authors = ["Ada Lovelace", "Alan Turing"],
            Published = new DateOnly(2026, 10, 30),
            Upvotes = 5,
            Url = "https://arxiv.org/abs/2411.01234",
            Listings = [new Listing(Day(4), "arxiv")],
        };

        await t.Store.UpsertAsync([fromPage]);
        await t.Store.UpsertAsync([fromArxiv]);

        var stored = await t.Store.GetAsync("2411.01234");
        Assert.NotNull(stored);
        Assert.Equal("2411.01234", stored.Id);
        Assert.Equal(fromArxiv.Abstract, stored.Abstract);
        Assert.Equal(fromArxiv.Authors, stored.Authors);
        Assert.Equal(9, stored.AuthorCount);
        Assert.Equal(12, stored.Upvotes);
        Assert.Equal(new DateOnly(2026, 10, 30), stored.Published);
        Assert.Equal("https://arxiv.org/abs/2411.01234", stored.Url);
        Assert.Equal(2, stored.Listings.Count);
        Assert.Null(await t.Store.GetAsync(fromPage.Id));
        Assert.Equal(1, await t.Store.CountAsync());
    }

    [Fact]
    public async Task A_poorer_record_does_not_overwrite_a_richer_one()
    {
        using var t = TestStore.InMemory();
        var rich = Make("Sparse Mixture of Experts at Scale", "A long and detailed abstract about routing tokens to experts.", id: "2411.01234") with { Upvotes = 40, Authors = ["A", "B", "C"] };
        await t.Store.UpsertAsync([rich]);

        var poor = Make("Sparse Mixture of Experts at Scale", "Short.") with { Upvotes = 3 };
        var result = await t.Store.UpsertAsync([poor]);

        Assert.Equal(new UpsertResult(0, 0, 1), result);
        var stored = await t.Store.GetAsync("2411.01234");
        Assert.NotNull(stored);
        Assert.Equal(rich.Abstract, stored.Abstract);
        Assert.Equal(40, stored.Upvotes);
        Assert.Equal(rich.Authors, stored.Authors);
    }

    [Fact]
    public async Task A_file_store_survives_reopen()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "papers.db");
        var query = new SearchQuery("diffusion image synthesis", Top: 3);
        Paper? before;
        SearchResults beforeHits;
        StoreStats beforeStats;
        using (var t = TestStore.OnFile(path))
        {
            await t.Store.UpsertAsync(Corpus);
            await t.Store.UpsertAsync([Diffusion with { Listings = [new Listing(Day(20), "hf-daily")] }]);
            before = await t.Store.GetAsync(Diffusion.Id);
            beforeHits = await t.Search.SearchAsync(query);
            beforeStats = await t.Store.GetStatsAsync();
        }

        using var reopened = TestStore.OnFile(path);
        Assert.Equal(before, await reopened.Store.GetAsync(Diffusion.Id), PaperComparer.Instance);
        var stats = await reopened.Store.GetStatsAsync();
        Assert.Equal(beforeStats.Papers, stats.Papers);
        Assert.Equal(beforeStats.Listings, stats.Listings);
        Assert.Equal(beforeStats.Days, stats.Days);
        Assert.Equal(beforeStats.EmbeddingModel, stats.EmbeddingModel);
        var hits = await reopened.Search.SearchAsync(query);
        Assert.Equal(beforeHits.Hits.Select(h => (h.Paper.Id, h.Relevance)), hits.Hits.Select(h => (h.Paper.Id, h.Relevance)));
        Assert.Equal(Diffusion.Id, hits.Hits[0].Paper.Id);
        Assert.Equal(new UpsertResult(0, 0, Corpus.Count), await reopened.Store.UpsertAsync(Corpus));
    }

    [Fact]
    public async Task Listed_on_returns_only_that_days_papers_in_page_order()
    {
        using var t = TestStore.InMemory();
        var page = new[] { "Zeta Paper on Sparse Attention", "Alpha Paper on Tokenizers", "Mu Paper on Optimizers" }
            .Select(title => Make(title, "An abstract about " + title.ToLowerInvariant() + ".", day: 5)).ToList();
        await t.Store.UpsertAsync(page);
        await t.Store.UpsertAsync([Transformers, Diffusion]);

        var listed = await t.Store.GetListedOnAsync(Day(5));

        Assert.Equal(page.Select(p => p.Title), listed.Select(p => p.Title));
        Assert.Empty(await t.Store.GetListedOnAsync(Day(30)));
        Assert.Equal([Diffusion.Title], (await t.Store.GetListedOnAsync(Day(4))).Select(p => p.Title));
    }

    [Fact]
    public async Task Listed_on_keeps_page_order_when_a_second_source_lists_the_same_day()
    {
        using var t = TestStore.InMemory();
        var page = new[] { "Alpha Paper on Sparse Attention", "Bravo Paper on Tokenizers", "Charlie Paper on Optimizers", "Delta Paper on Agents" }
            .Select(title => Make(title, "An abstract about " + title.ToLowerInvariant() + ".", day: 5)).ToList();
        await t.Store.UpsertAsync(page);
        await t.Store.UpsertAsync([page[2] with { Listings = [new Listing(Day(5), "hf-daily")] }, Make("Echo Paper on Robots", "Robots.", day: 5, source: "hf-daily")]);

        var listed = await t.Store.GetListedOnAsync(Day(5));

        Assert.Equal(["Alpha", "Bravo", "Charlie", "Delta", "Echo"], listed.Select(p => p.Title.Split(' ')[0]));
    }

    [Fact]
    public async Task Listed_on_keeps_page_order_for_a_seed_page()
    {
        using var t = TestStore.InMemory();
        var pages = SeedPapers.Pages();
        foreach (var page in pages) await t.Store.UpsertAsync(page);

        var dated = pages.Where(p => p.Count > 0 && p[0].Listings.Count > 0).ToList();
        Assert.NotEmpty(dated);
        foreach (var page in dated)
        {
            var day = page[0].Listings[0].Day;
            var expected = pages.SelectMany(p => p).Where(p => p.Listings.Any(l => l.Day == day)).Select(p => p.TitleKey).Distinct().ToList();
            var listed = await t.Store.GetListedOnAsync(day);
            Assert.Equal(expected, listed.Select(p => p.TitleKey));
        }
    }

    [Fact]
    public async Task Count_honours_inclusive_date_bounds()
    {
        using var t = TestStore.InMemory();
        await t.Store.UpsertAsync([.. Corpus, Make("A Paper Without Any Date", "No listing and no published date.")]);

        Assert.Equal(9, await t.Store.CountAsync());
        Assert.Equal(3, await t.Store.CountAsync(Day(3), Day(5)));
        Assert.Equal(5, await t.Store.CountAsync(from: Day(5)));
        Assert.Equal(2, await t.Store.CountAsync(to: Day(3)));
        Assert.Equal(0, await t.Store.CountAsync(Day(20), Day(25)));
        Assert.Equal(1, await t.Store.CountAsync(Day(4), Day(4)));
    }

    [Fact]
    public async Task Published_date_counts_when_there_is_no_listing()
    {
        using var t = TestStore.InMemory();
        await t.Store.UpsertAsync([Make("Published Only", "An abstract.") with { Published = Day(15) }]);
        Assert.Equal(1, await t.Store.CountAsync(Day(15), Day(15)));
        Assert.Equal(0, await t.Store.CountAsync(Day(16)));
    }

    [Fact]
    public async Task Stats_report_papers_listings_days_and_the_embedder()
    {
        using var t = TestStore.InMemory();
        var empty = await t.Store.GetStatsAsync();
        Assert.Equal(new StoreStats(0, 0, [], null, null), empty with { Days = [] });

        await t.Store.UpsertAsync(Corpus);
        await t.Store.UpsertAsync([Robotics with { Listings = [new Listing(Day(9), "hf-daily")] }]);
        var stats = await t.Store.GetStatsAsync();

        Assert.Equal(8, stats.Papers);
        Assert.Equal(9, stats.Listings);
        Assert.Equal(Enumerable.Range(2, 8).Select(Day), stats.Days);
        Assert.Equal(DefaultDims, stats.EmbeddingDimensions);
        Assert.NotNull(stats.EmbeddingModel);
        Assert.Contains($"offline-hash-v1-{DefaultDims}", stats.EmbeddingModel);
    }

    [Fact]
    public async Task A_different_embedder_is_refused_with_a_clear_message_and_nothing_changes()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "papers.db");
        using (var t = TestStore.OnFile(path)) await t.Store.UpsertAsync(Corpus);

        using var other = TestStore.OnFile(path, new OfflineEmbeddingGenerator(new OfflineEmbeddingOptions { Dimensions = 128 }));
        var before = other.Dump();
        var error = await Assert.ThrowsAsync<EmbeddingMismatchException>(() => other.Store.UpsertAsync([Make("A New Paper on Tokenizers", "Byte pair encoding.", day: 9)]));

        Assert.Contains($"offline-hash-v1-{DefaultDims}", error.Message);
        Assert.Contains($"{DefaultDims} dimensions", error.Message);
        Assert.Contains("offline-hash-v1-128", error.Message);
        Assert.Contains("128 dimensions", error.Message);
        Assert.Contains("reembed", error.Message);
        Assert.Equal(before, other.Dump());
        Assert.Equal(8, await other.Store.CountAsync());
    }

    [Fact]
    public async Task A_store_recorded_as_unknown_default_by_the_offline_embedder_is_still_accepted()
    {
        using var t = TestStore.InMemory();
        await t.Store.UpsertAsync(Corpus);
        t.Scalar("UPDATE meta SET value = 'unknown:default' WHERE key = 'embedding_model'");

        Assert.Equal(new UpsertResult(1, 0, 0), await t.Store.UpsertAsync([Make("A New Paper on Tokenizers", "Byte pair encoding.", day: 9)]));

        Assert.Equal($"offline:offline-hash-v1-{DefaultDims}", (await t.Store.GetStatsAsync()).EmbeddingModel);
    }

    [Fact]
    public async Task Reembed_switches_the_store_to_the_new_embedder()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "papers.db");
        using (var t = TestStore.OnFile(path)) await t.Store.UpsertAsync(Corpus);

        using var other = TestStore.OnFile(path, new OfflineEmbeddingGenerator(new OfflineEmbeddingOptions { Dimensions = 128 }));
        var progress = new List<int>();
        var count = await other.Store.ReembedAsync(new SyncProgress(progress));

        Assert.Equal(8, count);
        Assert.Equal(8, progress.Last());
        var stats = await other.Store.GetStatsAsync();
        Assert.Equal(128, stats.EmbeddingDimensions);
        Assert.Contains("offline-hash-v1-128", stats.EmbeddingModel);
        Assert.Equal(8 * 128 * 2, other.Scalar("SELECT SUM(LENGTH(vector)) FROM embeddings")); // half precision on disk
        Assert.Equal(new UpsertResult(1, 0, 0), await other.Store.UpsertAsync([Make("A New Paper on Tokenizers", "Byte pair encoding.", day: 9)]));
        var hits = await other.Search.SearchAsync(new SearchQuery("diffusion models image synthesis", 3));
        Assert.Equal(Diffusion.Id, hits.Hits[0].Paper.Id);

        using var original = TestStore.OnFile(path);
        await Assert.ThrowsAsync<EmbeddingMismatchException>(() => original.Store.UpsertAsync([Make("Yet Another Paper", "Text.")]));
    }

    [Fact]
    public async Task Reembed_of_an_empty_store_does_not_lock_out_its_embedder()
    {
        using var t = TestStore.InMemory();
        Assert.Equal(0, await t.Store.ReembedAsync());

        var result = await t.Store.UpsertAsync(Corpus);

        Assert.Equal(new UpsertResult(8, 0, 0), result);
    }

    [Fact]
    public async Task Delete_removes_the_paper_its_listings_vector_and_postings()
    {
        using var t = TestStore.InMemory();
        await t.Store.UpsertAsync(Corpus);
        await t.Store.UpsertAsync([Diffusion with { Listings = [new Listing(Day(11), "hf-daily")] }]);
        Assert.Equal(Diffusion.Id, (await t.Search.SearchAsync(new SearchQuery("denoising diffusion classifier guidance"))).Hits[0].Paper.Id);

        var deleted = await t.Store.DeleteAsync([Diffusion.Id, "no-such-id"]);

        Assert.Equal(1, deleted);
        Assert.Null(await t.Store.GetAsync(Diffusion.Id));
        Assert.Equal(7, await t.Store.CountAsync());
        Assert.Equal(7, t.Scalar("SELECT COUNT(*) FROM listings"));
        Assert.Equal(7, t.Scalar("SELECT COUNT(*) FROM embeddings"));
        Assert.Equal(0, t.Scalar("SELECT COUNT(*) FROM terms WHERE term IN ('diffus', 'denois', 'gan', 'guidanc')"));
        Assert.Equal(0, t.Scalar("SELECT COUNT(*) FROM titles_fts WHERE titles_fts MATCH 'diffusion'"));
        Assert.DoesNotContain(Day(11), await t.Store.GetListingDaysAsync());
        var hits = await t.Search.SearchAsync(new SearchQuery("denoising diffusion classifier guidance"));
        Assert.DoesNotContain(hits.Hits, h => h.Paper.Id == Diffusion.Id);
        Assert.All(hits.Hits, h => Assert.True(h.Relevance < hits.RelevanceThreshold, h.Paper.Title));
    }

    [Fact]
    public async Task Deleted_papers_can_be_added_again()
    {
        using var t = TestStore.InMemory();
        await t.Store.UpsertAsync(Corpus);
        await t.Store.DeleteAsync([Diffusion.Id]);

        Assert.Equal(new UpsertResult(1, 0, 0), await t.Store.UpsertAsync([Diffusion]));
        Assert.Equal(Diffusion.Id, (await t.Search.SearchAsync(new SearchQuery("diffusion image synthesis"))).Hits[0].Paper.Id);
    }

    [Fact]
    public async Task A_failure_in_the_middle_of_an_upsert_leaves_the_store_as_it_was()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "papers.db");
        using (var t = TestStore.OnFile(path)) await t.Store.UpsertAsync(Corpus.Take(4).ToList());

        using var failing = TestStore.OnFile(path, new ThrowingEmbeddingGenerator(textsBeforeFailure: 2), batchSize: 1);
        var before = failing.Dump();
        var generation = failing.IndexSource.CurrentGeneration();
        List<Paper> batch =
        [
            Transformers with { Abstract = Transformers.Abstract + " We also release code.", Listings = [new Listing(Day(12), "hf-daily")] },
            .. Corpus.Skip(4),
        ];

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => failing.Store.UpsertAsync(batch));

        Assert.Contains("embedder failed", error.Message);
        Assert.Equal(before, failing.Dump());
        Assert.Equal(generation, failing.IndexSource.CurrentGeneration());
        using var reopened = TestStore.OnFile(path);
        Assert.Equal(before, reopened.Dump());
        Assert.Equal(new UpsertResult(4, 1, 0), await reopened.Store.UpsertAsync(batch));
    }

    [Fact]
    public async Task Updating_an_abstract_reindexes_it()
    {
        using var t = TestStore.InMemory();
        await t.Store.UpsertAsync(Corpus);
        var longer = Molecules with { Abstract = Molecules.Abstract + " We also benchmark crystallography datasets." };

        Assert.Equal(new UpsertResult(0, 1, 0), await t.Store.UpsertAsync([longer]));

        var hits = await t.Search.SearchAsync(new SearchQuery("crystallography", 1));
        Assert.Equal(Molecules.Id, hits.Hits[0].Paper.Id);
        Assert.Equal(1, t.Scalar("SELECT df FROM terms WHERE term = 'crystallographi'"));
        Assert.Equal(1, t.Scalar("SELECT df FROM terms WHERE term = 'molecul'"));
    }

    [Fact]
    public async Task In_memory_stores_are_separate_and_gone_after_dispose()
    {
        using var a = TestStore.InMemory();
        using (var b = TestStore.InMemory())
        {
            await b.Store.UpsertAsync(Corpus);
            Assert.Equal(8, await b.Store.CountAsync());
        }
        Assert.Equal(0, await a.Store.CountAsync());
        using var c = TestStore.InMemory();
        Assert.Equal(0, await c.Store.CountAsync());
        Assert.Equal("in-memory store", c.Store.Description);
    }

    /// <summary>Reports synchronously, so the values are there when the call returns.</summary>
    private sealed class SyncProgress(List<int> values) : IProgress<int>
    {
        public void Report(int value) => values.Add(value);
    }
}
