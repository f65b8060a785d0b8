using ResearchBot.Ingestion;
using ResearchBot.Papers;

namespace ResearchBot.Core.Tests.Digest;

/// <summary>
/// The five bundled seed pages (<c>data/sample/*.txt</c>) parsed by the real page parser, each with its listing day
/// given as with <c>ingest --date</c>; a paper on several pages keeps every listing.
/// </summary>
internal static class SeedPages
{
    /// <summary>Listing days: the pages' own dates (Apr 28, Sep 2, Mar 17, Jul 30), and 2026-04-30 for the undated first page.</summary>
    public static readonly IReadOnlyDictionary<string, DateOnly> Days = new Dictionary<string, DateOnly>
    {
        ["000"] = new(2026, 4, 30),
        ["001"] = new(2026, 4, 28),
        ["002"] = new(2026, 9, 2),
        ["003"] = new(2026, 3, 17),
        ["004"] = new(2026, 7, 30),
    };

    /// <summary>Every page's papers, merged by id.</summary>
    public static IReadOnlyList<Paper> All()
    {
        var parser = new DailyPageParser();
        var papers = new List<Paper>();
        foreach (var (prefix, day) in Days)
        {
            var file = Directory.GetFiles(SampleDirectory(), prefix + "_*.txt").Single();
            papers.AddRange(parser.Parse(File.ReadAllText(file), new ParseContext(Path.GetFileName(file), day, new DateOnly(2026, 11, 30))));
        }
        return papers.GroupBy(p => p.Id).Select(g => g.First() with { Listings = g.SelectMany(p => p.Listings).Distinct().ToList() }).ToList();
    }

    /// <summary>The ids of the papers on the page listed on <paramref name="day"/>.</summary>
    public static IReadOnlyList<string> IdsListedOn(IReadOnlyList<Paper> all, DateOnly day) =>
        all.Where(p => p.Listings.Any(l => l.Day == day)).Select(p => p.Id).Order(StringComparer.Ordinal).ToList();

    private static string SampleDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "data", "sample");
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException("data/sample not found above " + AppContext.BaseDirectory);
    }
}
