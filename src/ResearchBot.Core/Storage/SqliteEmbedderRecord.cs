using Microsoft.Data.Sqlite;
using ResearchBot.Embeddings;
using ResearchBot.Retrieval.Index;
using static ResearchBot.Storage.SqliteCommands;

namespace ResearchBot.Storage;

/// <summary>
/// Which embedder made the stored vectors (meta keys <c>embedding_model</c> and <c>embedding_dimensions</c>): checked
/// before a write so vectors are never mixed, recorded after it, and migrated from the legacy name the offline
/// embedder was once recorded under.
/// </summary>
internal static class SqliteEmbedderRecord
{
    private const string ModelKey = "embedding_model", DimensionsKey = "embedding_dimensions";

    /// <summary>The recorded embedder, or null when none is recorded (an empty store).</summary>
    public static StoredEmbedder? Read(SqliteConnection c, SqliteTransaction? tx = null)
    {
        using var cmd = Query(c, tx);
        using var r = cmd.ExecuteReader();
        var rows = new List<(string, string)>(2);
        while (r.Read()) rows.Add((r.GetString(0), r.GetString(1)));
        return FromRows(rows);
    }

    public static async Task<StoredEmbedder?> ReadAsync(SqliteConnection c, SqliteTransaction? tx, CancellationToken ct)
    {
        using var cmd = Query(c, tx);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        var rows = new List<(string, string)>(2);
        while (await r.ReadAsync(ct)) rows.Add((r.GetString(0), r.GetString(1)));
        return FromRows(rows);
    }

    /// <summary>
    /// The recorded embedder, after making sure <paramref name="identity"/> made its vectors.
    /// </summary>
    /// <exception cref="EmbeddingMismatchException">The stored vectors come from another embedder (run <c>reembed</c>).</exception>
    public static StoredEmbedder? Check(SqliteConnection c, SqliteTransaction tx, EmbedderIdentity identity)
    {
        var stored = Read(c, tx);
        if (stored is not null && !identity.Made(stored.Model, stored.Dimensions))
            throw new EmbeddingMismatchException(stored.Model, stored.Dimensions, identity.Model, identity.Dimensions ?? 0);
        return stored;
    }

    /// <summary>
    /// After an upsert wrote vectors of <paramref name="dimensions"/>: records the embedder when none was recorded, and
    /// replaces the legacy offline record (<see cref="EmbedderIdentity.LegacyOfflineModel"/>: same vectors, older name).
    /// </summary>
    public static void RecordAfterUpsert(SqliteConnection c, SqliteTransaction tx, StoredEmbedder? before, string model, int? dimensions)
    {
        if ((before is null || before.Model == EmbedderIdentity.LegacyOfflineModel) && dimensions is int d)
            SqliteMeta.Set(c, tx, (ModelKey, model), (DimensionsKey, d.ToString()));
    }

    /// <summary>
    /// After every vector was rebuilt: the embedder that made them, or no record when there are none (recording 0 dimensions
    /// would refuse every embedder later).
    /// </summary>
    public static void RecordAfterReembed(SqliteConnection c, SqliteTransaction tx, string model, int? dimensions)
    {
        if (dimensions is int d) SqliteMeta.Set(c, tx, (ModelKey, model), (DimensionsKey, d.ToString()));
        else SqliteMeta.Remove(c, tx, ModelKey, DimensionsKey);
    }

    private static SqliteCommand Query(SqliteConnection c, SqliteTransaction? tx) =>
        Command(c, tx, $"SELECT key, value FROM meta WHERE key IN ('{ModelKey}', '{DimensionsKey}')");

    private static StoredEmbedder? FromRows(List<(string Key, string Value)> rows)
    {
        string? model = null; var dims = 0;
        foreach (var (key, value) in rows)
        {
            if (key == ModelKey) model = value;
            else dims = int.Parse(value);
        }
        return model is null ? null : new StoredEmbedder(model, dims);
    }
}
