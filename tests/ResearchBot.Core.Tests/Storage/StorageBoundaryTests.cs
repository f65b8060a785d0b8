using System.Text.RegularExpressions;

namespace ResearchBot.Tests.Storage;

/// <summary>
/// Persistence stays behind Storage's seams: no source file outside <c>src/ResearchBot.Core/Storage</c> holds SQL, uses a
/// database driver or names a concrete SQLite type (<c>SqlitePaperStore</c>, <c>SqliteConnectionFactory</c> …): consumers and
/// hosts see Storage's interfaces only. Checked over the source tree, so a new file is checked too.
/// </summary>
public sealed partial class StorageBoundaryTests
{
    private static readonly string SourceRoot = FindSourceRoot();

    private static readonly string StorageFolder = Path.Combine(SourceRoot, "ResearchBot.Core", "Storage") + Path.DirectorySeparatorChar;

    [Fact]
    public void Only_storage_uses_a_database_driver()
    {
        var offenders = Lines(DriverNamespace()).ToList();
        Assert.True(offenders.Count == 0, "database driver outside Storage:\n" + string.Join('\n', offenders));
    }

    [Fact]
    public void Only_storage_holds_sql()
    {
        var offenders = Lines(SqlStatement()).ToList();
        Assert.True(offenders.Count == 0, "SQL outside Storage:\n" + string.Join('\n', offenders));
    }

    [Fact]
    public void Consumers_and_hosts_name_no_concrete_store()
    {
        // Retrieval, Answering, Digest, Ingestion and the CLI and Discord hosts reach the store through Storage's interfaces.
        var offenders = Lines(ConcreteSqliteType()).ToList();
        Assert.True(offenders.Count == 0, "concrete SQLite type outside Storage:\n" + string.Join('\n', offenders));
    }

    [Fact]
    public void The_checks_see_the_store_itself()
    {
        // The patterns are not vacuous: each finds what it looks for in Storage's own files.
        var storage = Directory.EnumerateFiles(StorageFolder, "*.cs", SearchOption.AllDirectories).Select(File.ReadAllText).ToList();
        Assert.Contains(storage, s => DriverNamespace().IsMatch(s));
        Assert.Contains(storage, s => SqlStatement().IsMatch(s));
        Assert.Contains(storage, s => ConcreteSqliteType().IsMatch(s));
    }

    private static IEnumerable<string> Lines(Regex pattern) =>
        from file in Directory.EnumerateFiles(SourceRoot, "*.cs", SearchOption.AllDirectories)
        where !file.StartsWith(StorageFolder, StringComparison.Ordinal) && !IsBuildOutput(file)
        from line in File.ReadLines(file).Select((text, i) => (text, number: i + 1))
        where pattern.IsMatch(line.text)
        select $"{Path.GetRelativePath(SourceRoot, file)}:{line.number}: {line.text.Trim()}";

    private static bool IsBuildOutput(string file) =>
        file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
        || file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal);

    [GeneratedRegex(@"\b(Microsoft\.Data\.Sqlite|Npgsql|System\.Data\.SQLite|SQLitePCL)\b")]
    private static partial Regex DriverNamespace();

    /// <summary>A string literal that starts a SQL statement (keywords in capitals, as all our SQL is written).</summary>
    [GeneratedRegex(@"""\s*(SELECT|INSERT|UPDATE|DELETE|CREATE|DROP|ALTER|PRAGMA|WITH\s+\w+\s+AS)\b")]
    private static partial Regex SqlStatement();

    [GeneratedRegex(@"\bSqlite[A-Z]\w*")]
    private static partial Regex ConcreteSqliteType();

    private static string FindSourceRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "src", "ResearchBot.Core", "Storage");
            if (Directory.Exists(candidate)) return Path.Combine(dir.FullName, "src");
        }
        throw new DirectoryNotFoundException("src/ResearchBot.Core/Storage not found above " + AppContext.BaseDirectory);
    }
}
