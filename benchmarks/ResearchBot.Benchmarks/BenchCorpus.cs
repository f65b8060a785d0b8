using ResearchBot.Benchmarks.Synthetic;
using ResearchBot.Ingestion;
using ResearchBot.Papers;

namespace ResearchBot.Benchmarks;

/// <summary>The papers benchmarks run on: the bundled sample corpus plus synthetic distractors drawn from its words.</summary>
public static class BenchCorpus
{
    /// <summary>The sample corpus pages (data/sample), found by walking up from the benchmark's folder.</summary>
    public static IReadOnlyList<Paper> Sample()
    {
        var folder = FindUp(Path.Combine("data", "sample")) ?? throw new DirectoryNotFoundException("data/sample not found above " + AppContext.BaseDirectory);
        var parser = new DailyPageParser();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        return [.. Directory.GetFiles(folder, "*.txt").Order(StringComparer.Ordinal)
            .SelectMany(f => parser.Parse(File.ReadAllText(f), new ParseContext(f, null, today)))];
    }

    /// <summary>The sample corpus and <paramref name="synthetic"/> distractors (fixed seed), as parsed papers.</summary>
    public static IReadOnlyList<Paper> WithDistractors(int synthetic)
    {
        var sample = Sample();
        var file = Path.Combine(Path.GetTempPath(), $"researchbot-bench-{synthetic}.jsonl");
        if (!File.Exists(file)) SyntheticPapers.WriteJsonLines(file, synthetic, sample);
        var parsed = new JsonLinesParser().Parse(File.ReadAllText(file), new ParseContext(file, null, DateOnly.FromDateTime(DateTime.UtcNow)));
        return [.. sample, .. parsed];
    }

    /// <summary>Questions to time searches with: the dev questions when found, else sample titles.</summary>
    public static IReadOnlyList<string> Questions()
    {
        if (FindUp(Path.Combine("data", "eval", "dev-questions.jsonl")) is { } dev)
            return [.. File.ReadLines(dev).Where(l => l.Length > 0).Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement.GetProperty("question").GetString()!)];
        return [.. Sample().Select(p => p.Title)];
    }

    private static string? FindUp(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, relative);
            if (Directory.Exists(candidate) || File.Exists(candidate)) return candidate;
        }
        return null;
    }
}
