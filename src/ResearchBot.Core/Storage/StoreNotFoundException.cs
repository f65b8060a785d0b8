namespace ResearchBot.Storage;

/// <summary>The store's folder does not exist and this host may not create it (a mistyped <c>--db</c> must not silently start a new store).</summary>
public sealed class StoreNotFoundException(string path, string folder)
    : Exception($"store: the folder '{folder}' of '{path}' does not exist (only `ingest` creates a store in a new folder)")
{
    /// <summary>The store file asked for.</summary>
    public string Path { get; } = path;
}
