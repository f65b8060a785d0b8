namespace ResearchBot.Storage;

/// <summary>Where papers live (section <c>Storage</c>).</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>Which database holds the papers: one SQLite file (one process), or a PostgreSQL server several processes share.</summary>
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>
    /// The Npgsql connection string when <see cref="Provider"/> is <see cref="StorageProvider.Postgres"/>. A secret: set it with
    /// user-secrets or the <c>Storage__ConnectionString</c> environment variable, never in a file; it is never logged.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>The SQLite file; <c>:memory:</c> keeps everything in memory for tests and throwaway runs.</summary>
    public string Path { get; set; } = "data/researchbot.db";

    /// <summary>Load the bundled sample corpus when the store is empty (a fresh clone works offline).</summary>
    public bool LoadSampleWhenEmpty { get; set; } = true;

    /// <summary>The bundled sample corpus folder (the seed Daily Papers pages).</summary>
    public string SampleCorpus { get; set; } = "data/sample";

    public bool IsInMemory => Path == ":memory:";

    /// <summary>Everything but the connection string (it holds a password).</summary>
    public override string ToString() =>
        $"Provider={Provider}, ConnectionString={(string.IsNullOrEmpty(ConnectionString) ? "[missing]" : "[redacted]")}, Path={Path}, " +
        $"LoadSampleWhenEmpty={LoadSampleWhenEmpty}, SampleCorpus={SampleCorpus}";
}

/// <summary>The storage providers.</summary>
public enum StorageProvider
{
    Sqlite,
    Postgres,
}
