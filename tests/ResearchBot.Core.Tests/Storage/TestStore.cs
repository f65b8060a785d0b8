using Microsoft.Data.Sqlite;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using ResearchBot.Embeddings;
using ResearchBot.Retrieval;
using ResearchBot.Retrieval.Index;
using ResearchBot.Storage;

namespace ResearchBot.Tests.Storage;

/// <summary>A store with its ranker, VectorData collection and search, wired as the app wires them; in memory or on a file.</summary>
internal sealed class TestStore : IDisposable
{
    private TestStore(string path, IEmbeddingGenerator<string, Embedding<float>> embedder, int batchSize, RetrievalOptions options)
    {
        Path = path;
        Embedder = embedder;
        Factory = new SqliteConnectionFactory(new StorageOptions { Path = path });
        Store = new SqlitePaperStore(Factory, embedder, new EmbeddingBatchOptions { BatchSize = batchSize });
        IndexSource = new SqliteSearchIndexSource(Factory);
        Ranker = new HybridRanker(IndexSource, EmbedderIdentity.Of(embedder), options);
        Collection = new PaperVectorCollection(Store, Ranker, embedder);
        Search = new HybridPaperSearch(Collection, Store, embedder, Options.Create(options));
    }

    public string Path { get; }
    public IEmbeddingGenerator<string, Embedding<float>> Embedder { get; }
    public SqliteConnectionFactory Factory { get; }
    public SqlitePaperStore Store { get; }
    public SqliteSearchIndexSource IndexSource { get; }
    public HybridRanker Ranker { get; }
    public PaperVectorCollection Collection { get; }
    public HybridPaperSearch Search { get; }

    /// <summary>A throwaway in-memory store (the offline embedder unless another is given).</summary>
    public static TestStore InMemory(IEmbeddingGenerator<string, Embedding<float>>? embedder = null, int batchSize = 256) =>
        new(":memory:", embedder ?? new OfflineEmbeddingGenerator(), batchSize, new RetrievalOptions());

    /// <summary>A store on <paramref name="path"/> (created when missing).</summary>
    public static TestStore OnFile(string path, IEmbeddingGenerator<string, Embedding<float>>? embedder = null, int batchSize = 256) =>
        new(path, embedder ?? new OfflineEmbeddingGenerator(), batchSize, new RetrievalOptions());

    /// <summary>Raw SQL for checks the public API does not expose (row counts of the index tables).</summary>
    public long Scalar(string sql)
    {
        using var c = Factory.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(cmd.ExecuteScalar());
    }

    /// <summary>Every row of every table, as text, to prove a failed write changed nothing.</summary>
    public string Dump()
    {
        using var c = Factory.Open();
        var sb = new System.Text.StringBuilder();
        foreach (var (table, order) in new[] { ("meta", "key"), ("papers", "doc"), ("listings", "doc, day, source"), ("terms", "term"), ("term_segments", "term, seg"), ("embeddings", "doc") })
        {
            using var cmd = c.CreateCommand();
            cmd.CommandText = $"SELECT * FROM {table} ORDER BY {order}";
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                sb.Append(table).Append(':');
                for (var i = 0; i < r.FieldCount; i++)
                    sb.Append(r.GetValue(i) is byte[] b ? Convert.ToHexString(b) : r.GetValue(i)?.ToString()).Append('|');
                sb.AppendLine();
            }
        }
        using (var fts = c.CreateCommand())
        {
            fts.CommandText = "SELECT rowid FROM titles_fts WHERE titles_fts MATCH 'transformer OR diffusion OR quantization' ORDER BY rowid";
            using var r = fts.ExecuteReader();
            while (r.Read()) sb.Append("fts:").Append(r.GetInt64(0)).AppendLine();
        }
        return sb.ToString();
    }

    public void Dispose()
    {
        Factory.Dispose();
        if (Path != ":memory:")
        {
            // Pooled connections keep the file open; release this file's pool only.
            var cs = new SqliteConnectionStringBuilder { DataSource = System.IO.Path.GetFullPath(Path), Mode = SqliteOpenMode.ReadWriteCreate, Pooling = true }.ToString();
            using var conn = new SqliteConnection(cs);
            SqliteConnection.ClearPool(conn);
        }
    }
}
