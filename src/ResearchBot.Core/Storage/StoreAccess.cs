namespace ResearchBot.Storage;

/// <summary>
/// How a host opens the store. Registered by the host; without one the store is opened as <see cref="Writer"/>.
/// </summary>
/// <param name="ReadOnly">
/// Open an existing store that holds papers read-only: nothing is written (not even the schema), a writer's lock never
/// makes it wait, it sees the last committed state during an ingest (WAL), and a read-only file can still be read.
/// A new or empty store is still created and filled from the sample corpus (<see cref="StorageOptions.LoadSampleWhenEmpty"/>).
/// </param>
/// <param name="MayCreateFolder">Create the store's folder when it does not exist; otherwise that is a <see cref="StoreNotFoundException"/>.</param>
public sealed record StoreAccess(bool ReadOnly, bool MayCreateFolder)
{
    /// <summary>Writes, and may create a store in a new folder (<c>ingest</c>).</summary>
    public static StoreAccess Writer { get; } = new(ReadOnly: false, MayCreateFolder: true);

    /// <summary>Writes to a store whose folder exists (<c>reembed</c>, the Discord bot).</summary>
    public static StoreAccess ExistingWriter { get; } = new(ReadOnly: false, MayCreateFolder: false);

    /// <summary>Only reads a store whose folder exists (<c>search</c>, <c>stats</c>, <c>ask</c>, <c>digest</c>, the REPL).</summary>
    public static StoreAccess Reader { get; } = new(ReadOnly: true, MayCreateFolder: false);
}
