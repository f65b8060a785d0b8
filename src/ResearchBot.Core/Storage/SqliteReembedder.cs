using ResearchBot.Embeddings;
using static ResearchBot.Storage.SqliteCommands;

namespace ResearchBot.Storage;

/// <summary>Rebuilds every stored vector with the configured embedder in one transaction, and records that embedder. Callers serialize writes.</summary>
internal sealed class SqliteReembedder(SqliteConnectionFactory connections, BatchedEmbedder embeddings)
{
    public async Task<int> ReembedAsync(IProgress<int>? progress, CancellationToken cancellationToken)
    {
        using var c = connections.Open();
        using var tx = c.BeginTransaction();
        var rows = new List<(int Doc, string Text)>();
        using (var cmd = Command(c, tx, "SELECT doc, title, abstract FROM papers ORDER BY doc"))
        using (var r = await cmd.ExecuteReaderAsync(cancellationToken))
            while (await r.ReadAsync(cancellationToken)) rows.Add((r.GetInt32(0), PaperEmbeddingText.Of(r.GetString(1), r.GetString(2))));
        using var vector = Command(c, tx, "INSERT OR REPLACE INTO embeddings(doc, vector) VALUES ($doc, $v)");
        int? dims = null;
        var done = 0;
        foreach (var chunk in rows.Chunk(embeddings.BatchSize * 8))
        {
            var vectors = await embeddings.EmbedAsync(chunk.Select(x => x.Text).ToList(), cancellationToken);
            for (var i = 0; i < chunk.Length; i++)
            {
                vector.Parameters.Clear();
                vector.Parameters.AddWithValue("$doc", chunk[i].Doc);
                vector.Parameters.AddWithValue("$v", VectorCodec.Encode(vectors[i]));
                vector.ExecuteNonQuery();
                dims = vectors[i].Length;
            }
            progress?.Report(done += chunk.Length);
        }
        SqliteEmbedderRecord.RecordAfterReembed(c, tx, embeddings.Identity.Model, dims);
        SqliteMeta.BumpGeneration(c, tx);
        tx.Commit();
        return rows.Count;
    }
}
