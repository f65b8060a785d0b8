using ResearchBot.Embeddings;
using ResearchBot.Papers;
using ResearchBot.Retrieval.Lexical;

namespace ResearchBot.Storage;

/// <summary>
/// The write of one upsert, in one transaction: check the embedder, plan, then write the plan chunk by chunk while the next
/// chunk is analysed and embedded (<see cref="PrepareAsync"/>), then merge the postings and record the embedder. A failure
/// anywhere rolls everything back. Callers serialize writes.
/// </summary>
internal sealed class SqliteUpsertPipeline(SqliteConnectionFactory connections, BatchedEmbedder embeddings)
{
    private const int ChunkSize = 4096;

    /// <summary>Writes <paramref name="incoming"/> (already deduplicated: <see cref="BatchDeduper"/>).</summary>
    public async Task<UpsertResult> WriteAsync(IReadOnlyList<Paper> incoming, StoreWriteOptions write, CancellationToken cancellationToken)
    {
        using var c = connections.Open();
        using var tx = c.BeginTransaction();
        var identity = embeddings.Identity;
        var (model, dims) = identity;
        var stored = SqliteEmbedderRecord.Check(c, tx, identity);
        GivenVectors.Check(write.Vectors, dims ?? stored?.Dimensions);

        // Papers new to the store are numbered from here on, after every stored one: their postings can be appended.
        var firstNewDocument = SqliteMeta.NextDocument(c, tx);
        var plan = SqliteUpsertPlanner.Plan(c, tx, incoming, write.ExactKeys);
        var writer = new PaperWriter(c, tx);
        var removed = new List<(int, DocumentTerms)>();
        var added = new PostingsBuilder();
        int addedCount = 0, updatedCount = 0, unchangedCount = 0;
        // Analysis and embedding of the next chunk run while this chunk is written: the two cores overlap
        // CPU work (or a remote embedder's round trips) with SQLite's single-threaded writes.
        var chunks = plan.Chunk(ChunkSize).ToList();
        var next = chunks.Count > 0 ? PrepareAsync(chunks[0], added, write.Vectors, cancellationToken) : null;
        var vectorsOnly = 0;
        try
        {
            for (var n = 0; n < chunks.Count; n++)
            {
                var (changed, terms, vectors, given) = await next!;
                next = n + 1 < chunks.Count ? PrepareAsync(chunks[n + 1], added, write.Vectors, cancellationToken) : null;
                unchangedCount += chunks[n].Length - changed.Count;
                if (vectors.Count > 0) dims = VectorCodec.Dimensions(vectors[0].Length);

                var k = 0;
                foreach (var w in changed)
                {
                    if (w.Existing is null) addedCount++; else updatedCount++;
                    var index = w.TextChanged ? k++ : -1;
                    var lengths = index >= 0 ? new DocumentLengths(terms[index].Title.Count, terms[index].Abstract.Count) : w.ExistingLengths;
                    var doc = writer.Write(w.Merged, w.Doc, isNew: w.Existing is null, lengths, w.BatchPosition);
                    if (index < 0) continue;
                    if (w.Existing is not null)
                    {
                        removed.Add((doc, DocumentTerms.Of(w.Existing.Title, w.Existing.Abstract)));
                        writer.RemoveTitle(doc, w.Existing.Title);
                    }
                    writer.IndexTitle(doc, w.Merged.Title);
                    writer.WriteVector(doc, vectors[index]);
                }
                // Given vectors of papers whose text did not change (so were not re-embedded) replace the stored ones.
                foreach (var (doc, vector) in given) writer.WriteVector(doc, vector);
                vectorsOnly += given.Count;
            }
        }
        catch when (next is not null)
        {
            // Let the chunk being prepared finish (a remote embedder must not keep working for a failed ingest), then fail.
            try { await next; } catch (Exception) { }
            throw;
        }
        finally
        {
            writer.Dispose();
        }
        if (removed.Count > 0 || added.Count > 0) SqliteLexicalIndexWriter.Apply(c, tx, removed, added, firstNewDocument);
        if (addedCount + updatedCount + vectorsOnly > 0)
        {
            SqliteEmbedderRecord.RecordAfterUpsert(c, tx, stored, model, dims);
            SqliteMeta.BumpGeneration(c, tx);
        }
        tx.Commit();
        return new UpsertResult(addedCount, updatedCount, unchangedCount);
    }

    /// <summary>
    /// The CPU side of writing a chunk, off the writer's thread: which papers change, their index terms, their encoded
    /// embeddings, and their postings merged into <paramref name="added"/> (chunks are prepared one after another, never at once).
    /// </summary>
    private Task<(List<PlannedWrite> Changed, DocumentTerms[] Terms, List<byte[]> Vectors, List<(int Doc, byte[] Vector)> Given)> PrepareAsync(
        PlannedWrite[] chunk, PostingsBuilder added, IReadOnlyDictionary<string, ReadOnlyMemory<float>>? given, CancellationToken ct) =>
        Task.Run(async () =>
        {
            var changed = chunk.Where(w => !w.Unchanged).ToList();
            var reindex = changed.Where(w => w.TextChanged).ToList();
            var terms = new DocumentTerms[reindex.Count];
            Parallel.For(0, reindex.Count, new ParallelOptions { CancellationToken = ct },
                i => terms[i] = DocumentTerms.Of(reindex[i].Merged.Title, reindex[i].Merged.Abstract));
            // A chunk's postings are built here, where its few thousand term lists stay in cache, then merged.
            var postings = new PostingsBuilder();
            for (var i = 0; i < reindex.Count; i++) postings.Add(reindex[i].Doc, terms[i]);
            added.Merge(postings);
            // Papers that come with a vector keep it (GivenVectors): only the others are sent to the embedder.
            var vectors = await GivenVectors.ForReindexedAsync(reindex, given, embeddings.EmbedAsync, ct);
            var others = GivenVectors.ForUnchangedText(chunk, given);
            return (changed, terms, vectors.ConvertAll(v => VectorCodec.Encode(v)), others.ConvertAll(o => (o.Doc, VectorCodec.Encode(o.Vector))));
        }, ct);
}
