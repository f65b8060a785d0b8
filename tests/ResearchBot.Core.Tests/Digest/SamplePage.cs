using ResearchBot.Papers;

namespace ResearchBot.Core.Tests.Digest;

/// <summary>The papers of the smallest bundled seed page (<c>data/sample/000_*.txt</c>: header lines, then title/abstract line pairs), listed on one day.</summary>
internal static class SamplePage
{
    public static IReadOnlyList<Paper> Load(DateOnly day)
    {
        var file = Directory.GetFiles(SampleDirectory(), "000_*.txt").Single();
        var lines = File.ReadAllLines(file).Where(l => l.Trim().Length > 0 && !l.StartsWith("Get trending papers", StringComparison.Ordinal)).ToList();
        lines[0] = lines[0].StartsWith("Subscribe", StringComparison.Ordinal) ? lines[0]["Subscribe".Length..] : lines[0];
        return lines.Chunk(2).Select(pair => new Paper
        {
            Id = PaperId.FromTitle(pair[0]),
            Title = TitleKey.Display(pair[0]),
            Abstract = pair[1],
            Listings = [new Listing(day, "page")],
        }).ToList();
    }

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
