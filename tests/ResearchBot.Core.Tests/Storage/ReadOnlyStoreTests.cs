using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using ResearchBot.Embeddings;
using ResearchBot.Retrieval;
using ResearchBot.Storage;
using Corpus = ResearchBot.TestSupport.Fakes.TestPapers;

namespace ResearchBot.Tests.Storage;

/// <summary>
/// Read-only opening (<see cref="StoreAccess.Reader"/>): a reader never writes, never waits for a writer, sees the last
/// committed state during a write, can read a read-only file, and never creates a store in a folder that does not exist.
/// </summary>
public sealed class ReadOnlyStoreTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "rb-ro-" + Guid.NewGuid().ToString("N"));

    public ReadOnlyStoreTests() => Directory.CreateDirectory(_folder);

    private string Db => Path.Combine(_folder, "papers.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var f in Directory.GetFiles(_folder)) File.SetAttributes(f, FileAttributes.Normal);
        Directory.Delete(_folder, recursive: true);
    }

    private async Task FillAsync()
    {
        using var writer = TestStore.OnFile(Db);
        await writer.Store.UpsertAsync(Corpus.All);
    }

    private static (SqliteConnectionFactory Factory, SqlitePaperStore Store, HybridPaperSearch Search) OpenReader(string path)
    {
        var factory = new SqliteConnectionFactory(new StorageOptions { Path = path }, StoreAccess.Reader);
        var embedder = new OfflineEmbeddingGenerator();
        var store = new SqlitePaperStore(factory, embedder);
        var ranker = new global::ResearchBot.Retrieval.Index.HybridRanker(new SqliteSearchIndexSource(factory), EmbedderIdentity.Of(embedder), new RetrievalOptions());
        var search = new HybridPaperSearch(new PaperVectorCollection(store, ranker, embedder), store, embedder,
            Microsoft.Extensions.Options.Options.Create(new RetrievalOptions()));
        return (factory, store, search);
    }

    [Fact]
    public async Task A_reader_sees_the_committed_state_while_another_connection_holds_a_write_transaction()
    {
        await FillAsync();
        using var writer = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Db, Pooling = false }.ToString());
        writer.Open();
        using var tx = writer.BeginTransaction(); // BEGIN: takes the write lock at the first write
        using (var cmd = writer.CreateCommand())
        {
            cmd.Transaction = tx;
            cmd.CommandText = "UPDATE papers SET title = 'Uncommitted title'; INSERT OR REPLACE INTO meta(key, value) VALUES ('generation', '999')";
            cmd.ExecuteNonQuery();
        }

        var (factory, store, search) = OpenReader(Db);
        using (factory)
        {
            // Before: opening the store wrote its schema, so this waited for the writer and failed with "database is locked".
            Assert.True(factory.IsReadOnly);
            var stats = await store.GetStatsAsync();
            Assert.Equal(Corpus.All.Count, stats.Papers);
            var paper = await store.GetAsync(Corpus.All[0].Id);
            Assert.Equal(Corpus.All[0].Title, paper!.Title);
            var found = await search.SearchAsync(new SearchQuery("KV cache key tokens selection", 3));
            Assert.Contains(found.Hits, h => h.Paper.Title == Corpus.All[0].Title);
            Assert.DoesNotContain(found.Hits, h => h.Paper.Title == "Uncommitted title");
        }
        tx.Rollback();
    }

    [Fact]
    public async Task A_read_only_store_file_can_be_searched_and_is_not_changed()
    {
        await FillAsync();
        SqliteConnection.ClearAllPools();
        var before = Hash(Db);
        File.SetAttributes(Db, FileAttributes.ReadOnly);

        var (factory, _, search) = OpenReader(Db);
        using (factory)
        {
            var found = await search.SearchAsync(new SearchQuery("speculative decoding long context", 3));
            Assert.NotEmpty(found.Hits);
        }
        SqliteConnection.ClearAllPools();
        Assert.Equal(before, Hash(Db));
    }

    [Fact]
    public async Task A_reader_over_a_store_with_papers_cannot_write_to_it()
    {
        await FillAsync();
        var (factory, store, _) = OpenReader(Db);
        using (factory)
        {
            // Root ignores file modes, so this proves the connection itself is read-only.
            var error = await Assert.ThrowsAsync<SqliteException>(() => store.UpsertAsync([Corpus.All[0] with { Id = "2699.00001", Title = "A new paper" }]));
            Assert.Equal(8, error.SqliteErrorCode); // SQLITE_READONLY
        }
        using var check = TestStore.OnFile(Db);
        Assert.Equal(Corpus.All.Count, check.Scalar("SELECT COUNT(*) FROM papers"));
    }

    [Fact]
    public async Task A_reader_over_a_new_file_creates_a_store_that_can_be_filled()
    {
        var (factory, store, _) = OpenReader(Db);
        using (factory)
        {
            Assert.False(factory.IsReadOnly);
            await store.UpsertAsync(Corpus.All);
            Assert.Equal(Corpus.All.Count, await store.CountAsync());
        }
    }

    [Fact]
    public void A_reader_or_existing_writer_never_creates_a_missing_folder()
    {
        var path = Path.Combine(_folder, "typo", "papers.db");

        var reader = Assert.Throws<StoreNotFoundException>(() => new SqliteConnectionFactory(new StorageOptions { Path = path }, StoreAccess.Reader));
        Assert.Throws<StoreNotFoundException>(() => new SqliteConnectionFactory(new StorageOptions { Path = path }, StoreAccess.ExistingWriter));

        Assert.Contains(Path.Combine(_folder, "typo"), reader.Message);
        Assert.False(Directory.Exists(Path.Combine(_folder, "typo")));
        using var writer = new SqliteConnectionFactory(new StorageOptions { Path = path }, StoreAccess.Writer);
        Assert.True(File.Exists(path));
    }

    private static string Hash(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));
}
