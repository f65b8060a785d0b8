namespace ResearchBot.Storage;

/// <summary>How a write treats the papers given: vectors given per paper id, and whether records replace by exact id instead of merging.</summary>
public sealed record StoreWriteOptions(IReadOnlyDictionary<string, ReadOnlyMemory<float>>? Vectors, bool ExactKeys)
{
    public static readonly StoreWriteOptions Merge = new(null, false);
}
