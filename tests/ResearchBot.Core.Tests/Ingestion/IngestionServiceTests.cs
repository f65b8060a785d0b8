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
}
