namespace ResearchBot.Tests.Ingestion;

/// <summary>Fixture files copied next to the test assembly (Ingestion/Fixtures, and the seed pages under seeds/).</summary>
internal static class FixtureFiles
{
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "Ingestion", "Fixtures");

    public static string PathOf(string name) => Path.Combine(Directory, name);

    public static string Read(string name) => File.ReadAllText(PathOf(name));

    public static string SeedDirectory => PathOf("seeds");

    /// <summary>The five saved Daily Papers pages, in file-name order.</summary>
    public static IReadOnlyList<string> SeedPages =>
        System.IO.Directory.GetFiles(SeedDirectory, "*.txt").OrderBy(p => Path.GetFileName(p), StringComparer.Ordinal).ToList();
}
