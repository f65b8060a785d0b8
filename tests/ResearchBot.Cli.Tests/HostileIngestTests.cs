using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ResearchBot.Storage;
using ResearchBot.TestSupport.Files;

namespace ResearchBot.Cli.Tests;

/// <summary>Issue 10, ingestion: pipes and standard input, invalid UTF-8, bad rows, hostile folders and unbounded fields, through the real command.</summary>
public sealed class HostileIngestTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    private static string Row(string id, string title, string abstractText = "An abstract about retrieval.", IEnumerable<string>? authors = null) =>
        JsonSerializer.Serialize(new { id, title, @abstract = abstractText, authors = authors ?? ["A. Author"] });

    private static string Rows(string prefix, int count) =>
        string.Concat(Enumerable.Range(1, count).Select(i => Row($"{prefix}.{i:D5}", $"Paper {prefix} number {i} on sparse attention") + "\n"));

    [Fact]
    public async Task A_folder_of_hostile_files_finishes_names_each_bad_file_stores_the_good_papers_and_loses_nothing()
    {
        var before = await _cli.RunAsync("ingest", CliRunner.SamplePage(1));
        Assert.Equal(0, before.ExitCode);
        var storedBefore = await PaperIdsAsync();
        var folder = Directory.CreateDirectory(Path.Combine(_cli.Folder, "hostile")).FullName;
        string Write(string name, byte[] content)
        {
            var path = Path.Combine(folder, name);
            File.WriteAllBytes(path, content);
            return path;
        }
        var good = Write("good.jsonl", Encoding.UTF8.GetBytes(Rows("9901", 3)));
        var linkToParent = HostileFiles.MakeLinkToParent(folder, "up");
        var (loopA, loopB) = HostileFiles.MakeLinkLoop(folder, "loop-a", "loop-b");
        var fifo = HostileFiles.MakeFifo(Path.Combine(folder, "pipe"));
        var invalidUtf8 = Write("invalid-utf8.jsonl",
            [.. Encoding.UTF8.GetBytes(Row("9902.00001", "Good row before") + "\n"), .. "{\"id\":\"9902.00002\",\"title\":\"Bad "u8.ToArray(), 0xFF, 0xFE,
             .. "\"}\n"u8.ToArray(), .. Encoding.UTF8.GetBytes(Row("9902.00003", "Good row after") + "\n")]);
        var controls = Write("controls.jsonl", Encoding.UTF8.GetBytes(Row("9903.00001", "Clear \u001b[2J\u001b]0;owned\u0007screen\u0007", "Bell \u0007 here.") + "\n"));
        var huge = Write("huge.jsonl", Encoding.UTF8.GetBytes(Row("9904.00001", "Huge fields paper", string.Concat(Enumerable.Repeat("long ", 1_000_000)),
            Enumerable.Range(1, 5_000).Select(i => $"Author {i}")) + "\n"));
        var random = new byte[40_000];
        new Random(10).NextBytes(random);
        var binary = Write("binary.bin", random);
        var daily = "[{\"paper\":{\"id\":\"9905.00001\",\"title\":\"Cut off\",\"summary\":\"An abstract that never ends";
        var truncated = Write("truncated.json", Encoding.UTF8.GetBytes(daily));
        var brokenRow = Write("broken-row.jsonl", Encoding.UTF8.GetBytes(Row("9906.00001", "First good row") + "\n{\"id\":\"9906.00002\",\"title\":\"cut\n" + Row("9906.00003", "Last good row") + "\n"));

        // The wait only turns a hang (a followed link loop, a blocking named pipe) into a failure instead of a stuck run.
        var result = await _cli.RunAsync("ingest", folder).WaitAsync(TimeSpan.FromMinutes(3));

        Assert.Equal(1, result.ExitCode);
        Assert.DoesNotContain("   at ", result.Error + result.Out);
        var lines = result.ErrorLines;
        Assert.Contains($"error: {invalidUtf8}: line 2: invalid UTF-8 (1 of 3 rows rejected; the other 2 kept)", lines);
        Assert.Contains($"error: {brokenRow}: line 2: truncated or broken JSON (1 of 3 rows rejected; the other 2 kept)", lines);
        Assert.Contains($"error: {binary}: binary content, not a text paper source", lines);
        Assert.Contains(lines, l => l.StartsWith($"error: {truncated}: truncated or broken JSON", StringComparison.Ordinal));
        Assert.Contains($"warning: {linkToParent}: skipped: a symbolic link to a folder (not followed)", lines);
        Assert.Contains($"warning: {loopA}: skipped: a symbolic link loop", lines);
        Assert.Contains($"warning: {loopB}: skipped: a symbolic link loop", lines);
        Assert.Contains($"warning: {fifo}: skipped: not a regular file (a named pipe or device)", lines);
        Assert.Contains($"warning: {controls}: control characters removed from 1 paper", lines);
        Assert.Contains(lines, l => l.StartsWith($"warning: {huge}: cut to the size limits: 1 abstract over 10,000 characters", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains(good, StringComparison.Ordinal));
        Assert.EndsWith("4 sources failed", Assert.Single(result.OutLines));

        string[] added = ["9901.00001", "9901.00002", "9901.00003", "9902.00001", "9902.00003", "9903.00001", "9904.00001", "9906.00001", "9906.00003"];
        Assert.Equal(storedBefore.Count + added.Length, await PaperCountAsync());
        Assert.Empty(await MissingAsync([.. storedBefore, .. added]));
        using var host = _cli.OpenHost();
        var store = host.Services.GetRequiredService<IPaperStore>();
        var clean = await store.GetAsync("9903.00001");
        Assert.Equal("Clear screen", clean!.Title);
        Assert.DoesNotContain(clean.Abstract, char.IsControl);
        var capped = await store.GetAsync("9904.00001");
        Assert.True(capped!.Abstract.Length <= 10_000);
        Assert.Equal(200, capped.Authors.Count);
        Assert.Equal(5_000, capped.AuthorCount);
    }

    [Fact]
    public async Task A_named_pipe_is_read_once_so_every_row_arrives()
    {
        var fifo = HostileFiles.MakeFifo(Path.Combine(_cli.Folder, "ten.jsonl"));
        var writing = HostileFiles.WriteToFifoAsync(fifo, Encoding.UTF8.GetBytes(Rows("9911", 10)));

        var result = await _cli.RunAsync("ingest", fifo).WaitAsync(TimeSpan.FromMinutes(2));
        await writing;

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("10 parsed: 10 added", result.Out);
    }

    [Fact]
    public async Task A_page_over_16_kb_through_a_named_pipe_is_parsed()
    {
        var page = File.ReadAllBytes(CliRunner.SamplePage(1));
        Assert.True(page.Length > 16 * 1024);
        var fifo = HostileFiles.MakeFifo(Path.Combine(_cli.Folder, "page"));
        var writing = HostileFiles.WriteToFifoAsync(fifo, page);

        var result = await _cli.RunAsync("ingest", fifo).WaitAsync(TimeSpan.FromMinutes(2));
        await writing;

        Assert.Equal(0, result.ExitCode);
        Assert.Empty(result.Error);
        Assert.StartsWith("57 parsed: 57 added", result.Out);
    }

    [Fact]
    public async Task Standard_input_is_read_with_a_dash()
    {
        var page = await _cli.RunAsync(["ingest", "-"], stdin: File.ReadAllText(CliRunner.SamplePage(1)));
        var rows = await _cli.RunAsync(["ingest", "-"], stdin: Rows("9912", 4));

        Assert.Equal(0, page.ExitCode);
        Assert.StartsWith("57 parsed: 57 added", page.Out);
        Assert.Equal(0, rows.ExitCode);
        Assert.StartsWith("4 parsed: 4 added", rows.Out);
    }

    [Fact]
    public async Task Empty_standard_input_is_one_error_line()
    {
        var result = await _cli.RunAsync(["ingest", "-"], stdin: "");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("error: standard input: empty file", Assert.Single(result.ErrorLines));
    }

    [Fact]
    public async Task An_invalid_utf8_row_is_one_error_line_and_the_sources_after_it_are_stored()
    {
        var bad = _cli.WriteBytes("bad.jsonl",
            [.. Encoding.UTF8.GetBytes(Row("9913.00001", "Fine row") + "\n"), .. "{\"id\":\"9913.00002\",\"title\":\"Caf"u8.ToArray(), 0xE9, .. "\"}\n"u8.ToArray()]);

        var result = await _cli.RunAsync("ingest", bad, CliRunner.SamplePage(0));

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"error: {bad}: line 2: invalid UTF-8 (1 of 2 rows rejected; the other 1 kept)", Assert.Single(result.ErrorLines));
        Assert.StartsWith("13 parsed: 13 added", result.Out);
    }

    [Fact]
    public async Task Invalid_utf8_in_a_page_names_the_line_and_nothing_else_is_lost()
    {
        var text = File.ReadAllText(CliRunner.SamplePage(0));
        var cut = text.IndexOf('\n', 400) + 1;
        var bad = _cli.WriteBytes("bad-page.txt", [.. Encoding.UTF8.GetBytes(text[..cut]), 0xC3, 0x28, .. Encoding.UTF8.GetBytes(text[cut..])]);
        var line = text[..cut].Count(c => c == '\n') + 1;

        var result = await _cli.RunAsync("ingest", bad, CliRunner.SamplePage(1));

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"error: {bad}: line {line}: invalid UTF-8", Assert.Single(result.ErrorLines));
        Assert.StartsWith("57 parsed: 57 added", result.Out);
    }

    [Fact]
    public async Task A_five_megabyte_abstract_is_stored_cut_with_a_warning_and_answers_stay_short()
    {
        var huge = _cli.Write("huge.jsonl", Row("9914.00001", "Quantized mixture of experts routing", string.Concat(Enumerable.Repeat("quantized experts routing ", 200_000))) + "\n");

        var ingest = await _cli.RunAsync("ingest", huge);
        var ask = await _cli.RunAsync("ask", "quantized mixture of experts routing");

        Assert.Equal(0, ingest.ExitCode);
        Assert.Equal($"warning: {huge}: cut to the size limits: 1 abstract over 10,000 characters", Assert.Single(ingest.ErrorLines));
        Assert.Equal(0, ask.ExitCode);
        Assert.True(ask.Out.Length < 20_000, $"answer of {ask.Out.Length:N0} characters");
    }

    /// <summary>The ids of the papers listed on any day (a page's papers).</summary>
    private async Task<HashSet<string>> PaperIdsAsync()
    {
        using var host = _cli.OpenHost();
        var store = host.Services.GetRequiredService<IPaperStore>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var day in await store.GetListingDaysAsync())
        {
            foreach (var paper in await store.GetListedOnAsync(day)) ids.Add(paper.Id);
        }
        return ids;
    }

    private async Task<int> PaperCountAsync()
    {
        using var host = _cli.OpenHost();
        return await host.Services.GetRequiredService<IPaperStore>().CountAsync();
    }

    private async Task<List<string>> MissingAsync(IEnumerable<string> ids)
    {
        using var host = _cli.OpenHost();
        var store = host.Services.GetRequiredService<IPaperStore>();
        var missing = new List<string>();
        foreach (var id in ids)
        {
            if (await store.GetAsync(id) is null) missing.Add(id);
        }
        return missing;
    }
}
