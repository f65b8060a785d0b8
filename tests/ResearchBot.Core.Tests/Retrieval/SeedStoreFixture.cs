using ResearchBot.Tests.Storage;

namespace ResearchBot.Tests.Retrieval;

/// <summary>An in-memory store holding the 262 papers of the seed pages (the bundled sample corpus), shared by a test class.</summary>
public sealed class SeedStoreFixture : IDisposable
{
    internal TestStore Store { get; }

    public SeedStoreFixture()
    {
        Store = TestStore.InMemory();
        foreach (var page in SeedPapers.Pages()) Store.Store.UpsertAsync(page).GetAwaiter().GetResult();
    }

    public void Dispose() => Store.Dispose();
}
