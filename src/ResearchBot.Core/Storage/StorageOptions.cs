namespace ResearchBot.Storage;

/// <summary>Where papers live (section <c>Storage</c>).</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>The SQLite file; <c>:memory:</c> keeps everything in memory for tests and throwaway runs.</summary>
    public string Path { get; set; } = "data/researchbot.db";

    /// <summary>Load the bundled sample corpus when the store is empty (a fresh clone works offline).</summary>
    public bool LoadSampleWhenEmpty { get; set; } = true;

    /// <summary>The bundled sample corpus folder (the seed Daily Papers pages).</summary>
    public string SampleCorpus { get; set; } = "data/sample";

    public bool IsInMemory => Path == ":memory:";
}
