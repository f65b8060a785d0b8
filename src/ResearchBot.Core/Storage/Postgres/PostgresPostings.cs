using Npgsql;
using NpgsqlTypes;
using ResearchBot.Retrieval.Lexical;

namespace ResearchBot.Storage.Postgres;

/// <summary>Keeps the stored inverted index (table <c>terms</c>, postings in the <see cref="TermPostings"/> encoding) in step with the papers, inside the caller's transaction.</summary>
internal static class PostgresPostings
{
    public static async Task ApplyAsync(NpgsqlConnection c, NpgsqlTransaction tx, IReadOnlyList<(int Doc, DocumentTerms Terms)> removed, PostingsBuilder added, CancellationToken ct)
    {
        var removedDocs = removed.Select(r => r.Doc).ToHashSet();
        var changes = PostingsDelta.Changes(removed, added);
        var existing = new Dictionary<string, TermPostings>(StringComparer.Ordinal);
        await using (var read = new NpgsqlCommand("SELECT term, df, postings FROM terms WHERE term = ANY(@t)", c, tx))
        {
            read.Parameters.AddWithValue("t", changes.Keys.ToArray());
            await using var r = await read.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct)) existing[r.GetString(0)] = TermPostings.Decode((byte[])r[2], r.GetInt32(1));
        }
        var gone = new List<string>();
        await using (var write = await c.BeginBinaryImportAsync(CreateIncoming(c, tx), ct))
        {
            foreach (var (term, additions) in changes)
            {
                var merged = PostingsDelta.Apply(existing.GetValueOrDefault(term), removedDocs, additions);
                if (merged.Count == 0) { gone.Add(term); continue; }
                write.StartRow();
                write.Write(term, NpgsqlDbType.Text);
                write.Write(merged.Count, NpgsqlDbType.Integer);
                write.Write(merged.Encode(), NpgsqlDbType.Bytea);
            }
            await write.CompleteAsync(ct);
        }
        await using (var upsert = new NpgsqlCommand("INSERT INTO terms(term, df, postings) SELECT term, df, postings FROM incoming_terms " +
            "ON CONFLICT (term) DO UPDATE SET df = excluded.df, postings = excluded.postings", c, tx))
            await upsert.ExecuteNonQueryAsync(ct);
        if (gone.Count == 0) return;
        await using var delete = new NpgsqlCommand("DELETE FROM terms WHERE term = ANY(@t)", c, tx);
        delete.Parameters.AddWithValue("t", gone.ToArray());
        await delete.ExecuteNonQueryAsync(ct);
    }

    private static string CreateIncoming(NpgsqlConnection c, NpgsqlTransaction tx)
    {
        using var cmd = new NpgsqlCommand("CREATE TEMP TABLE incoming_terms(term text COLLATE \"C\", df integer, postings bytea) ON COMMIT DROP", c, tx);
        cmd.ExecuteNonQuery();
        return "COPY incoming_terms(term, df, postings) FROM STDIN (FORMAT BINARY)";
    }
}
