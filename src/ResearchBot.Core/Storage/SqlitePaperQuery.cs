using Microsoft.Data.Sqlite;
using ResearchBot.Papers;

namespace ResearchBot.Storage;

/// <summary>
/// The reads the VectorData collection makes of a SQLite store: records by exact key, by filter with sort and paging,
/// the documents a filter matches, and stored vectors. Paired with <see cref="SqliteFilterSql"/> for the conditions.
/// </summary>
internal sealed class SqlitePaperQuery(SqliteConnectionFactory connections)
{
    private const int Chunk = 500;

    /// <summary>Papers whose id is exactly one of <paramref name="ids"/> (no title matching), in the order asked.</summary>
    public IReadOnlyList<(int Doc, Paper Paper)> ByIds(IReadOnlyList<string> ids)
    {
        if (ids.Count == 0) return [];
        using var lease = connections.Read();
        var c = lease.Connection;
        var found = new Dictionary<string, (int, Paper)>(StringComparer.Ordinal);
        foreach (var chunk in ids.Distinct(StringComparer.Ordinal).Chunk(Chunk))
        {
            using var cmd = c.CreateCommand();
            cmd.CommandText = $"SELECT {PaperRows.Columns} FROM papers WHERE id IN ({string.Join(", ", chunk.Select((_, i) => "$k" + i))})";
            for (var i = 0; i < chunk.Length; i++) cmd.Parameters.AddWithValue("$k" + i, chunk[i]);
            foreach (var row in Read(c, cmd)) found[row.Paper.Id] = row;
        }
        return [.. ids.Where(found.ContainsKey).Select(id => found[id])];
    }

    /// <summary>The papers matching <paramref name="filter"/>, sorted (then by document number), one page.</summary>
    public IReadOnlyList<(int Doc, Paper Paper)> Find(PaperFilter filter, IReadOnlyList<PaperSort> sort, int skip, int top)
    {
        using var lease = connections.Read();
        var c = lease.Connection;
        using var cmd = c.CreateCommand();
        var (where, parameters) = SqliteFilterSql.Where(filter);
        cmd.CommandText = $"SELECT {PaperRows.Columns} FROM papers WHERE {where} ORDER BY {SqliteFilterSql.OrderBy(sort)} LIMIT $top OFFSET $skip";
        cmd.Parameters.AddRange(parameters);
        cmd.Parameters.AddWithValue("$top", top);
        cmd.Parameters.AddWithValue("$skip", skip);
        return Read(c, cmd);
    }

    /// <summary>The document numbers of every paper matching <paramref name="filter"/>.</summary>
    public HashSet<int> Docs(PaperFilter filter)
    {
        using var lease = connections.Read();
        var c = lease.Connection;
        using var cmd = c.CreateCommand();
        var (where, parameters) = SqliteFilterSql.Where(filter);
        cmd.CommandText = $"SELECT doc FROM papers WHERE {where}";
        cmd.Parameters.AddRange(parameters);
        var docs = new HashSet<int>();
        using var r = cmd.ExecuteReader();
        while (r.Read()) docs.Add(r.GetInt32(0));
        return docs;
    }

    /// <summary>The stored vectors of the given documents (documents without one are left out).</summary>
    public Dictionary<int, float[]> Vectors(IEnumerable<int> docs)
    {
        var vectors = new Dictionary<int, float[]>();
        using var lease = connections.Read();
        var c = lease.Connection;
        foreach (var chunk in docs.Distinct().Chunk(Chunk))
        {
            using var cmd = c.CreateCommand();
            cmd.CommandText = $"SELECT doc, vector FROM embeddings WHERE doc IN ({string.Join(',', chunk)})";
            using var r = cmd.ExecuteReader();
            while (r.Read()) vectors[r.GetInt32(0)] = VectorCodec.Decode((byte[])r.GetValue(1));
        }
        return vectors;
    }

    private static List<(int Doc, Paper Paper)> Read(SqliteConnection c, SqliteCommand cmd)
    {
        var rows = new List<(int, Paper)>();
        using (var r = cmd.ExecuteReader()) while (r.Read()) rows.Add(PaperRows.Read(r));
        var papers = PaperRows.WithListings(c, null, rows);
        return [.. rows.Select((row, i) => (row.Item1, papers[i]))];
    }
}
