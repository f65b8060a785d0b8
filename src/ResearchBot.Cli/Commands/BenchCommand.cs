using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Serialization;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ResearchBot.Benchmarks.Synthetic;
using ResearchBot.Cli.Evaluation;
using ResearchBot.Cli.Output;
using ResearchBot.Embeddings;
using ResearchBot.Ingestion;
using ResearchBot.Papers;
using ResearchBot.Retrieval;
using ResearchBot.Storage;
using Spectre.Console;

namespace ResearchBot.Cli.Commands;

/// <summary>
/// <c>bench --papers N [--queries Q] [--json]</c>: builds a store of N synthetic papers plus the sample corpus in a temporary
/// folder (or at <c>--db</c>, which must not exist yet) and measures ingest rate, search latency, cold start and memory.
/// </summary>
internal static class BenchCommand
{
    /// <summary>The repository's dev questions, found walking up from the current folder, then from the executable's.</summary>
    private const string DevQuestions = "data/eval/dev-questions.jsonl";

    public static Command Create(CliContext cli)
    {
        var papers = CommonOptions.Positive("--papers", 10_000, "How many synthetic papers to generate and ingest");
        var queries = CommonOptions.Positive("--queries", 200, "How many searches to time (the dev questions, repeated, else sampled titles)");
        var questions = new Option<string?>("--questions") { Description = $"Questions file for the timed searches (default: {DevQuestions} in this or a parent folder)", HelpName = "FILE" };
        var json = CommonOptions.Json("Write the figures as one JSON object");
        var command = new Command("bench", "Measure ingest rate, search latency, cold start and memory on a synthetic store") { papers, queries, questions, json };
        command.SetAction((parse, ct) => RunAsync(cli, parse, parse.GetValue(papers), parse.GetValue(queries), parse.GetValue(questions), parse.GetValue(json), ct));
        return command;
    }

    private static async Task<int> RunAsync(CliContext cli, ParseResult parse, int count, int queryCount, string? questionsFile, bool json, CancellationToken ct)
    {
        var keep = parse.GetValue(cli.Db);
        if (keep is not null && File.Exists(keep)) throw new CliException($"--db {keep}: already exists; bench builds a new store");
        var folder = Directory.CreateTempSubdirectory("researchbot-bench-").FullName;
        var db = keep ?? Path.Combine(folder, "bench.db");
        var settings = new Dictionary<string, string?> { ["Storage:Path"] = db, ["Storage:LoadSampleWhenEmpty"] = "false" };
        try
        {
            var figures = await MeasureAsync(cli, parse, settings, folder, db, count, queryCount, questionsFile, ct);
            if (json) CliJson.WriteLine(cli.Console.Out, figures);
            else Write(cli.Console.Ansi, figures);
            return CliApp.ExitOk;
        }
        finally
        {
            DeleteQuietly(folder);
        }
    }

    private static async Task<BenchFigures> MeasureAsync(CliContext cli, ParseResult parse, Dictionary<string, string?> settings,
        string folder, string db, int count, int queryCount, string? questionsFile, CancellationToken ct)
    {
        var syntheticFile = Path.Combine(folder, "synthetic.jsonl");
        string sampleFolder;
        IReadOnlyList<Paper> sample;
        IngestReport report;
        double ingestSeconds;
        long ingestPeak;
        using (var host = cli.OpenHost(parse, settings))
        {
            var storage = host.Services.GetRequiredService<IOptions<StorageOptions>>().Value;
            sampleFolder = SampleCorpusLoader.Locate(storage.SampleCorpus)
                ?? throw new CliException($"the sample corpus folder '{storage.SampleCorpus}' was not found (Storage:SampleCorpus); bench draws its words from it");
            sample = await ReadFolderAsync(host.Services.GetRequiredService<PaperFileReader>(), sampleFolder, ct);
            Phase(cli, $"writing {count:N0} synthetic papers");
            SyntheticPapers.WriteJsonLines(syntheticFile, count, sample);
            Phase(cli, $"ingesting them with the sample corpus");

            var ingest = Stopwatch.StartNew();
            report = await host.Services.GetRequiredService<IIngestionService>().IngestAsync(new IngestRequest([sampleFolder, syntheticFile]), cancellationToken: ct);
            ingestSeconds = ingest.Elapsed.TotalSeconds;
            using var afterIngest = Process.GetCurrentProcess();
            ingestPeak = afterIngest.PeakWorkingSet64;
            if (!report.Succeeded) throw new CliException("bench ingest failed: " + report.Failures[0]);
        }

        var queries = LoadQueries(questionsFile, sample, queryCount);
        Phase(cli, $"cold start, then timing {queryCount:N0} searches");

        // Cold start in this process: a fresh host and service provider open the store and answer one search.
        var cold = Stopwatch.StartNew();
        using var warm = cli.OpenHost(parse, settings);
        var search = warm.Services.GetRequiredService<IPaperSearch>();
        await search.SearchAsync(new SearchQuery(queries[0]), ct);
        var coldSeconds = cold.Elapsed.TotalSeconds;

        // Fresh: each distinct question once (up to 50), as a new process meets them (postings read on first use, code
        // not yet optimized). Warm: then the timed queries, every question having been asked once.
        var fresh = new List<double>();
        foreach (var question in queries.Distinct().Take(50))
        {
            var watch = Stopwatch.StartNew();
            await search.SearchAsync(new SearchQuery(question), ct);
            fresh.Add(watch.Elapsed.TotalMilliseconds);
        }
        foreach (var question in queries.Distinct().Skip(50)) await search.SearchAsync(new SearchQuery(question), ct);

        var latencies = new double[queryCount];
        for (var i = 0; i < queryCount; i++)
        {
            var watch = Stopwatch.StartNew();
            await search.SearchAsync(new SearchQuery(queries[i % queries.Count]), ct);
            latencies[i] = watch.Elapsed.TotalMilliseconds;
        }
        Array.Sort(latencies);

        var processColdSeconds = await FreshProcessColdStartAsync(db, queries[0], ct);
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        var peakWorkingSet = self.PeakWorkingSet64;
        var heap = GC.GetGCMemoryInfo().HeapSizeBytes;

        // Stages measured on their own, after the memory figures: parsing the JSON Lines file, then embedding its texts.
        Phase(cli, $"timing parse and embed on their own");
        var parse0 = Stopwatch.StartNew();
        var parsed = await warm.Services.GetRequiredService<PaperFileReader>().ReadAsync(syntheticFile, new ParseContext(syntheticFile, null, Today()), cancellationToken: ct);
        var parseSeconds = parse0.Elapsed.TotalSeconds;
        var embedder = warm.Services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();
        var batch = Math.Max(1, warm.Services.GetRequiredService<IOptions<EmbeddingOptions>>().Value.BatchSize);
        var embed0 = Stopwatch.StartNew();
        foreach (var chunk in parsed.Select(PaperEmbeddingText.Of).Chunk(batch))
            await embedder.GenerateAsync(chunk, cancellationToken: ct);
        var embedSeconds = embed0.Elapsed.TotalSeconds;

        return new BenchFigures(
            count, sample.DistinctBy(p => p.TitleKey).Count(), report.Added,
            new IngestFigures(Round(ingestSeconds, 2), Math.Round(report.Parsed / Math.Max(ingestSeconds, 1e-9)), Round(parseSeconds, 2), Round(embedSeconds, 2),
                Round(Math.Max(0, ingestSeconds - parseSeconds - embedSeconds), 2)),
            new SearchFigures(queryCount, questionsFile ?? (FindUp(DevQuestions) is { } found ? found : "sampled titles"),
                Round(Percentile(latencies, 0.50), 2), Round(Percentile(latencies, 0.95), 2), Round(Percentile(latencies, 0.99), 2),
                Round(fresh.Count == 0 ? 0 : fresh.Average(), 2), fresh.Count),
            new ColdStartFigures(Round(coldSeconds, 3), processColdSeconds is { } p ? Round(p, 3) : null),
            new MemoryFigures(peakWorkingSet / (1 << 20), ingestPeak / (1 << 20), heap / (1 << 20)),
            File.Exists(db) ? new FileInfo(db).Length / (1 << 20) : 0);
    }

    /// <summary>On a terminal, says on standard error what the bench is doing (a large run takes minutes).</summary>
    private static void Phase(CliContext cli, FormattableString what)
    {
        if (cli.Console.IsTerminal) cli.Console.WriteNote("bench: " + what.ToString(CultureInfo.InvariantCulture) + "…");
    }

    private static async Task<IReadOnlyList<Paper>> ReadFolderAsync(PaperFileReader reader, string folder, CancellationToken ct)
    {
        var papers = new List<Paper>();
        foreach (var file in Directory.GetFiles(folder).Order(StringComparer.Ordinal))
            papers.AddRange(await reader.ReadAsync(file, new ParseContext(file, null, Today()), cancellationToken: ct));
        return papers;
    }

    /// <summary>The questions to time: from the given or found questions file, else titles sampled from the sample corpus.</summary>
    private static List<string> LoadQueries(string? questionsFile, IReadOnlyList<Paper> sample, int count)
    {
        var file = questionsFile ?? FindUp(DevQuestions);
        if (file is not null) return [.. EvalQuestion.ReadFile(file).Select(q => q.Question)];
        var random = new Random(7);
        return [.. Enumerable.Range(0, Math.Min(count, sample.Count)).Select(_ => sample[random.Next(sample.Count)].Title)];
    }

    /// <summary>A start-to-exit <c>researchbot search</c> in a new process, when this process is researchbot (apphost or <c>dotnet researchbot.dll</c>).</summary>
    private static async Task<double?> FreshProcessColdStartAsync(string db, string query, CancellationToken ct)
    {
        var exe = Environment.ProcessPath;
        var entry = System.Reflection.Assembly.GetEntryAssembly();
        if (exe is null || entry?.GetName().Name != "researchbot") return null;
        var start = new ProcessStartInfo(exe) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(exe).Equals("dotnet", StringComparison.OrdinalIgnoreCase)) start.ArgumentList.Add(entry.Location);
        foreach (var a in new[] { "search", query, "--json", "--top", "10", "--db", db }) start.ArgumentList.Add(a);
        var watch = Stopwatch.StartNew();
        using var child = Process.Start(start);
        if (child is null) return null;
        var output = child.StandardOutput.ReadToEndAsync(ct);
        var errors = child.StandardError.ReadToEndAsync(ct);
        await child.WaitForExitAsync(ct);
        await Task.WhenAll(output, errors);
        return child.ExitCode == 0 ? watch.Elapsed.TotalSeconds : null;
    }

    private static string? FindUp(string relative)
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, relative);
                if (File.Exists(candidate)) return candidate;
            }
        }
        return null;
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static double Round(double value, int digits) => Math.Round(value, digits);

    private static DateOnly Today() => DateOnly.FromDateTime(DateTime.Now);

    private static void DeleteQuietly(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover folder in the temp directory is harmless.
        }
    }

    private static void Write(IAnsiConsole ansi, BenchFigures f)
    {
        string N(double v, string format) => v.ToString(format, CultureInfo.InvariantCulture);
        var i = f.Ingest;
        var s = f.Search;
        var grid = new Grid().AddColumn().AddColumn()
            .AddRow("papers", Markup.Escape($"{N(f.SyntheticPapers, "N0")} synthetic + {N(f.SamplePapers, "N0")} sample ({N(f.PapersStored, "N0")} stored, store file {N(f.StoreMiB, "N0")} MiB)"))
            .AddRow("ingest", Markup.Escape($"{N(i.Seconds, "0.00")} s, {N(i.PapersPerSecond, "N0")} papers/s (parse {N(i.ParseSeconds, "0.00")} s, embed {N(i.EmbedSeconds, "0.00")} s, persist and index ~{N(i.PersistSeconds, "0.00")} s)"))
            .AddRow("search", Markup.Escape($"p50 {N(s.P50Ms, "0.00")} ms, p95 {N(s.P95Ms, "0.00")} ms, p99 {N(s.P99Ms, "0.00")} ms over {s.Queries} queries once warm ({s.QuerySource}); fresh: mean {N(s.FreshMeanMs, "0.00")} ms over the first {s.FreshQueries} questions"))
            .AddRow("cold start", Markup.Escape($"{N(f.ColdStart.InProcessSeconds, "0.000")} s (new service provider: open the store, answer one search)"
                + (f.ColdStart.FreshProcessSeconds is { } p ? $"; {N(p, "0.000")} s as a new process" : "")))
            .AddRow("memory", Markup.Escape($"peak working set {N(f.Memory.PeakWorkingSetMiB, "N0")} MiB (ingest and generator {N(f.Memory.IngestPeakWorkingSetMiB, "N0")} MiB); managed heap {N(f.Memory.ManagedHeapMiB, "N0")} MiB"));
        ansi.Write(grid);
        ansi.WriteLine("Parse and embed are timed again on their own after the run; persist and index is the rest of the ingest time.");
    }

    /// <summary>The <c>bench --json</c> object.</summary>
    private sealed record BenchFigures(int SyntheticPapers, int SamplePapers, int PapersStored, IngestFigures Ingest, SearchFigures Search,
        ColdStartFigures ColdStart, MemoryFigures Memory, [property: JsonPropertyName("storeMiB")] long StoreMiB);

    private sealed record IngestFigures(double Seconds, double PapersPerSecond, double ParseSeconds, double EmbedSeconds, double PersistSeconds);

    private sealed record SearchFigures(int Queries, string QuerySource, double P50Ms, double P95Ms, double P99Ms, double FreshMeanMs, int FreshQueries);

    private sealed record ColdStartFigures(double InProcessSeconds, double? FreshProcessSeconds);

    /// <summary>Peak working set of the whole run, the peak up to the end of the ingest, and the managed heap at the end.</summary>
    private sealed record MemoryFigures(long PeakWorkingSetMiB, long IngestPeakWorkingSetMiB, long ManagedHeapMiB);
}
