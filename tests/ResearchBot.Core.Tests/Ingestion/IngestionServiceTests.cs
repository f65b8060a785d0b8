using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ResearchBot.Ingestion;
using ResearchBot.Papers;
using ResearchBot.TestSupport.Http;

namespace ResearchBot.Tests.Ingestion;

public class IngestionServiceTests
{
    private static readonly Uri Unused = new("http://127.0.0.1:9/");

    private static int LineCount(string text) => text.Count(c => c == '\n') + 1;

    [Fact]
    public async Task The_seed_folder_is_ingested_file_by_file_into_262_papers()
    {
        var store = new FakePaperStore();
        await using var services = IngestionTestServices.Build(Unused, store);
        var progress = new ProgressLog();

        var report = await services.GetRequiredService<IIngestionService>().IngestAsync(new IngestRequest([FixtureFiles.SeedDirectory]), progress);

        Assert.True(report.Succeeded, string.Join("; ", report.Failures));
        Assert.Equal(316, report.Parsed);
        Assert.Equal(262, report.Added);
        Assert.Equal(262, store.Papers.Count);
        Assert.Equal([12, 57, 107, 79, 61], store.UpsertCalls.Select(c => c.Count));
        Assert.Equal(FixtureFiles.SeedPages, progress.Reports.Select(r => r.Source).Distinct());
        Assert.Equal(316, progress.Reports[^1].PapersSoFar);
    }

    [Fact]
    public async Task Ingesting_the_same_input_again_adds_nothing()
    {
        var store = new FakePaperStore();
        await using var services = IngestionTestServices.Build(Unused, store);
        var ingestion = services.GetRequiredService<IIngestionService>();
        var request = new IngestRequest([FixtureFiles.SeedDirectory]);

        await ingestion.IngestAsync(request);
        var again = await ingestion.IngestAsync(request);

        Assert.Equal(0, again.Added);
        Assert.Equal(0, again.Updated);
        Assert.Equal(316, again.Unchanged);
        Assert.Equal(262, store.Papers.Count);
    }

    [Fact]
    public async Task Bad_inputs_are_reported_one_line_each_and_the_good_ones_are_stored()
    {
        using var folder = new TempFolder();
        var good = folder.Write("a-good.jsonl", FixtureFiles.Read("papers.jsonl"));
        var binary = folder.WriteBytes("b-binary.jsonl", [0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x14, 0x00]);
        var empty = folder.Write("c-empty.json", "");
        var daily = FixtureFiles.Read("hf-daily-2026-11-20.json");
        var truncated = folder.Write("d-truncated.json", daily[..(daily.Length / 2)]);
        var brokenLine = folder.Write("e-broken.jsonl", "{\"id\":\"2401.00001\",\"title\":\"Fine\"}\n{\"id\":\"2401.00002\",\"title\":");
        var noPapers = folder.Write("f-no-papers.txt", "new\n\nGet trending papers in your email inbox!\n\nSubscribe\n\nDaily Papers\n\nApr 28\n");
        var unknown = folder.Write("g-unknown.txt", "just some notes\n");
        var missing = Path.Combine(folder.Path, "nowhere");
        var store = new FakePaperStore();
        await using var services = IngestionTestServices.Build(Unused, store);

        var report = await services.GetRequiredService<IIngestionService>().IngestAsync(new IngestRequest([folder.Path, missing]));

        Assert.False(report.Succeeded);
        Assert.Equal(
            [
                new IngestFailure(binary, "binary content (a zip archive: unpack it first), not a text paper source"),
                new IngestFailure(empty, "empty file"),
                new IngestFailure(truncated, $"truncated or broken JSON at line {LineCount(daily[..(daily.Length / 2)])}"),
                new IngestFailure(brokenLine, "line 2: truncated or broken JSON (1 of 2 rows rejected; the other 1 kept)"),
                new IngestFailure(noPapers, "no papers found on the page"),
                new IngestFailure(unknown, "unknown format: not a Daily Papers page, Hugging Face JSON, arXiv Atom feed or JSON Lines"),
                new IngestFailure(missing, "no such file or folder"),
            ],
            report.Failures);
        Assert.Equal(4, report.Added);
        Assert.Equal([3, 1], store.UpsertCalls.Select(c => c.Count));
        Assert.Contains(store.Papers, p => p.Id == "syn.000001");
        Assert.Contains(store.Papers, p => p.Id == "2401.00001");
        Assert.DoesNotContain(report.Failures, f => f.Source == good);
    }

    [Fact]
    public async Task Hf_fetches_the_requested_day_and_stores_its_listings()
    {
        await using var server = await RecordedResponseServer.StartAsync();
        server.Enqueue(RecordedResponse.Json(FixtureFiles.Read("hf-daily-2026-11-20.json")));
        var store = new FakePaperStore();
        await using var services = IngestionTestServices.Build(server.BaseUrl, store);
        var day = new DateOnly(2026, 11, 20);

        var report = await services.GetRequiredService<IIngestionService>().IngestAsync(new IngestRequest(["hf"], Date: day));

        Assert.True(report.Succeeded, string.Join("; ", report.Failures));
        Assert.Equal(3, report.Added);
        Assert.Equal("/api/daily_papers?date=2026-11-20", Assert.Single(server.Requests).PathAndQuery);
        Assert.Equal(3, (await store.GetListedOnAsync(day)).Count);
    }

    [Fact]
    public async Task Arxiv_searches_with_the_query_and_maximum()
    {
        await using var server = await RecordedResponseServer.StartAsync();
        server.Enqueue(
            RecordedResponse.Atom(FixtureFiles.Read("arxiv-cs-cl-page1.xml")),
            RecordedResponse.Atom(FixtureFiles.Read("arxiv-cs-cl-page2.xml")));
        var store = new FakePaperStore();
        await using var services = IngestionTestServices.Build(server.BaseUrl, store);

        var report = await services.GetRequiredService<IIngestionService>().IngestAsync(new IngestRequest(["arxiv"], ArxivQuery: "cat:cs.CL", ArxivMax: 4));

        Assert.True(report.Succeeded, string.Join("; ", report.Failures));
        Assert.Equal(4, report.Added);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task An_unreachable_online_source_is_a_failure_and_files_of_the_same_call_are_kept()
    {
        await using var server = await RecordedResponseServer.StartAsync();
        server.Enqueue(RecordedResponse.ServerError(), RecordedResponse.ServerError(), RecordedResponse.ServerError());
        var store = new FakePaperStore();
        await using var services = IngestionTestServices.Build(server.BaseUrl, store);

        var report = await services.GetRequiredService<IIngestionService>().IngestAsync(
            new IngestRequest(["hf", FixtureFiles.PathOf("papers.jsonl"), "arxiv"], Date: new DateOnly(2026, 11, 20)));

        Assert.Equal(
            [
                new IngestFailure("hf", "Hugging Face answered HTTP 500 Internal Server Error for api/daily_papers?date=2026-11-20"),
                new IngestFailure("arxiv", "arxiv needs a search query (--query), e.g. cat:cs.CL"),
            ],
            report.Failures);
        Assert.Equal(3, store.Papers.Count);
    }

    [Fact]
    public void Options_are_bound_from_configuration_with_defaults()
    {
        using var services = IngestionTestServices.Build(new Uri("http://127.0.0.1:5000/"), overrides: new Dictionary<string, string?>
        {
            ["Sources:Arxiv:PauseBetweenCalls"] = null,
            ["Sources:Arxiv:PageSize"] = null,
        });

        var hf = services.GetRequiredService<IOptions<HuggingFaceOptions>>().Value;
        var arxiv = services.GetRequiredService<IOptions<ArxivOptions>>().Value;

        Assert.Equal(new Uri("http://127.0.0.1:5000/"), hf.BaseUrl);
        Assert.Equal(TimeSpan.FromSeconds(5), hf.Timeout);
        Assert.Equal(TimeSpan.FromSeconds(3), arxiv.PauseBetweenCalls);
        Assert.Equal(100, arxiv.PageSize);
        Assert.Equal(new Uri("https://huggingface.co"), new HuggingFaceOptions().BaseUrl);
        Assert.Equal(new Uri("https://export.arxiv.org"), new ArxivOptions().BaseUrl);
        Assert.Same(TimeProvider.System, services.GetRequiredService<TimeProvider>());
        Assert.Equal(4, services.GetServices<IPaperParser>().Count());
    }

    [Fact]
    public void Bad_settings_are_refused_naming_the_key()
    {
        using var services = IngestionTestServices.Build(Unused, overrides: new Dictionary<string, string?>
        {
            ["Sources:Arxiv:MaxRetries"] = "0",
            ["Sources:Arxiv:PageSize"] = "5000",
        });

        var ex = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<ArxivOptions>>().Value);

        Assert.Equal(["Sources:Arxiv:MaxRetries must be at least 1", "Sources:Arxiv:PageSize must be between 1 and 2000"], ex.Failures);
    }

    [Fact]
    public async Task A_large_jsonl_file_reports_progress_while_it_is_read()
    {
        using var folder = new TempFolder();
        var lines = Enumerable.Range(0, 25_000).Select(i => $"{{\"id\":\"syn.{i:D6}\",\"title\":\"Synthetic paper {i}\",\"abstract\":\"About topic {i % 97}.\"}}");
        var file = folder.Write("big.jsonl", string.Join('\n', lines));
        var store = new FakePaperStore();
        await using var services = IngestionTestServices.Build(Unused, store);
        var progress = new ProgressLog();

        var report = await services.GetRequiredService<IIngestionService>().IngestAsync(new IngestRequest([file]), progress);

        Assert.Equal(25_000, report.Added);
        Assert.Equal([10_000, 20_000, 25_000], progress.Reports.Select(r => r.PapersSoFar));
        Assert.Single(store.UpsertCalls);
    }

    /// <summary>The app's ingestion over a fake store, reading JSON Lines <paramref name="batchPapers"/> papers at a time.</summary>
    private static IngestionService Batched(ServiceProvider services, int batchPapers) =>
        new(services.GetRequiredService<PaperFileReader>(), services.GetRequiredService<HuggingFaceDailyClient>(), services.GetRequiredService<ArxivClient>(),
            services.GetRequiredService<Microsoft.Extensions.VectorData.VectorStoreCollection<string, ResearchBot.Storage.PaperRecord>>(), TimeProvider.System)
        {
            BatchPapers = batchPapers,
        };

    private static string JsonLine(int i, string? title = null) =>
        System.Text.Json.JsonSerializer.Serialize(new { id = $"syn.{i:D6}", title = title ?? $"Synthetic paper {i}", @abstract = $"About topic {i % 97}." }) + "\n";

    [Fact]
    public async Task A_jsonl_file_larger_than_a_batch_is_stored_batch_by_batch_with_one_note_per_kind()
    {
        using var folder = new TempFolder();
        var longTitle = "Long " + string.Join(' ', Enumerable.Repeat("words", 150));
        var file = folder.Write("big.jsonl", string.Concat(Enumerable.Range(0, 25).Select(i => JsonLine(i, i is 3 or 17 ? $"{i} {longTitle}" : null))) + "{not json\n");
        var store = new FakePaperStore();
        await using var services = IngestionTestServices.Build(Unused, store);

        var report = await Batched(services, 10).IngestAsync(new IngestRequest([file]));

        Assert.Equal([10, 10, 5], store.UpsertCalls.Select(c => c.Count));
        Assert.Equal((25, 25), (report.Parsed, report.Added));
        Assert.Equal(25, store.Papers.Count);
        var note = Assert.Single(report.Warnings);
        Assert.Contains("2 titles over 500 characters", note.Reason);
        var rejected = Assert.Single(report.Failures);
        Assert.Contains("line 26", rejected.Reason);
    }

    [Fact]
    public async Task A_source_that_breaks_part_way_keeps_the_batches_read_before_and_the_other_sources_go_in()
    {
        using var folder = new TempFolder();
        var text = string.Concat(Enumerable.Range(0, 40_000).Select(i => JsonLine(i)));
        using var gz = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(gz, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
            gzip.Write(System.Text.Encoding.UTF8.GetBytes(text));
        var bytes = gz.ToArray();
        for (var i = bytes.Length * 3 / 4; i < bytes.Length * 3 / 4 + 64; i++) bytes[i] ^= 0x5A; // damage the last quarter
        var broken = Path.Combine(folder.Path, "broken.jsonl.gz");
        File.WriteAllBytes(broken, bytes);
        var good = folder.Write("good.jsonl", JsonLine(90_001) + JsonLine(90_002));
        var store = new FakePaperStore();
        await using var services = IngestionTestServices.Build(Unused, store);

        var report = await Batched(services, 5_000).IngestAsync(new IngestRequest([broken, good]));

        var failure = Assert.Single(report.Failures);
        Assert.Equal(broken, failure.Source);
        Assert.Contains("gzip", failure.Reason);
        Assert.InRange(store.Papers.Count, 5_000 + 2, 40_000 - 1);
        Assert.Equal(2, store.UpsertCalls[^1].Count);
        Assert.All(store.UpsertCalls.SkipLast(1), c => Assert.Equal(5_000, c.Count));
    }
}
