using System.Text.Json;
using Microsoft.Data.Sqlite;
using ResearchBot.Papers;

namespace ResearchBot.Storage;

/// <summary>Reads and writes <see cref="Paper"/> rows.</summary>
internal static class PaperRows
{
    public const string Columns = "doc, id, title, abstract, authors, author_count, published, upvotes, url, ai_summary, ai_keywords";

    public static (int Doc, Paper Paper) Read(SqliteDataReader r) => (r.GetInt32(0), new Paper
    {
        Id = r.GetString(1),
        Title = r.GetString(2),
        Abstract = r.GetString(3),
        Authors = JsonSerializer.Deserialize<string[]>(r.GetString(4)) ?? [],
        AuthorCount = r.IsDBNull(5) ? null : r.GetInt32(5),
        Published = r.IsDBNull(6) ? null : DateOnly.ParseExact(r.GetString(6), "yyyy-MM-dd"),
        Upvotes = r.IsDBNull(7) ? null : r.GetInt32(7),
        Url = r.IsDBNull(8) ? null : r.GetString(8),
        AiSummary = r.IsDBNull(9) ? null : r.GetString(9),
        AiKeywords = JsonSerializer.Deserialize<string[]>(r.GetString(10)) ?? [],
    });

    /// <summary>Loads the listings of the given documents and attaches them.</summary>
    public static List<Paper> WithListings(SqliteConnection c, SqliteTransaction? tx, List<(int Doc, Paper Paper)> rows)
    {
        if (rows.Count == 0) return [];
        var listings = new Dictionary<int, List<Listing>>();
        foreach (var chunk in rows.Select(r => r.Doc).Chunk(500))
        {
            using var cmd = ListingsOf(c, tx, chunk);
            using var r = cmd.ExecuteReader();
            while (r.Read()) AddListing(listings, r);
        }
        return Attach(rows, listings);
    }

    /// <summary><see cref="WithListings"/> through the driver's async API.</summary>
    public static async Task<List<Paper>> WithListingsAsync(SqliteConnection c, List<(int Doc, Paper Paper)> rows, CancellationToken ct)
    {
        if (rows.Count == 0) return [];
        var listings = new Dictionary<int, List<Listing>>();
        foreach (var chunk in rows.Select(r => r.Doc).Chunk(500))
        {
            using var cmd = ListingsOf(c, null, chunk);
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct)) AddListing(listings, r);
        }
        return Attach(rows, listings);
    }

    /// <summary>The papers <paramref name="cmd"/> selects (<see cref="Columns"/>) with their listings.</summary>
    public static async Task<List<Paper>> ReadPapersAsync(SqliteConnection c, SqliteCommand cmd, CancellationToken ct)
    {
        var rows = new List<(int, Paper)>();
        await using (var r = await cmd.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct)) rows.Add(Read(r));
        return await WithListingsAsync(c, rows, ct);
    }

    /// <summary>The papers <paramref name="cmd"/> selects (<see cref="Columns"/>) with their document numbers and listings.</summary>
    public static List<(int Doc, Paper Paper)> ReadNumbered(SqliteConnection c, SqliteCommand cmd)
    {
        var rows = new List<(int, Paper)>();
        using (var r = cmd.ExecuteReader()) while (r.Read()) rows.Add(Read(r));
        var papers = WithListings(c, cmd.Transaction, rows);
        return [.. rows.Select((row, i) => (row.Item1, papers[i]))];
    }

    private static SqliteCommand ListingsOf(SqliteConnection c, SqliteTransaction? tx, int[] docs)
    {
        var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = $"SELECT doc, day, source FROM listings WHERE doc IN ({string.Join(',', docs)}) ORDER BY day, source";
        return cmd;
    }

    private static void AddListing(Dictionary<int, List<Listing>> listings, SqliteDataReader r)
    {
        var d = r.GetInt32(0);
        if (!listings.TryGetValue(d, out var l)) listings[d] = l = [];
        l.Add(new Listing(DateOnly.ParseExact(r.GetString(1), "yyyy-MM-dd"), r.GetString(2)));
    }

    private static List<Paper> Attach(List<(int Doc, Paper Paper)> rows, Dictionary<int, List<Listing>> listings) =>
        [.. rows.Select(r => listings.TryGetValue(r.Doc, out var l) ? r.Paper with { Listings = l } : r.Paper)];

    private static readonly string[] ParameterNames =
        ["$id", "$key", "$title", "$abstract", "$authors", "$author_count", "$published", "$upvotes", "$url", "$ai_summary", "$ai_keywords", "$date", "$title_len", "$abstract_len"];

    /// <summary>Adds the parameters <see cref="Bind"/> fills, once per prepared command.</summary>
    public static void AddParameters(SqliteCommand cmd)
    {
        foreach (var name in ParameterNames) cmd.Parameters.Add(name, SqliteType.Text);
    }

    public static void Bind(SqliteCommand cmd, Paper p, DocumentLengths lengths)
    {
        var ps = cmd.Parameters;
        ps[0].Value = p.Id;
        ps[1].Value = p.TitleKey;
        ps[2].Value = p.Title;
        ps[3].Value = p.Abstract;
        ps[4].Value = p.Authors.Count == 0 ? "[]" : JsonSerializer.Serialize(p.Authors);
        ps[5].Value = (object?)(p.AuthorCount ?? (p.Authors.Count > 0 ? p.Authors.Count : null)) ?? DBNull.Value;
        ps[6].Value = (object?)p.Published?.ToString("yyyy-MM-dd") ?? DBNull.Value;
        ps[7].Value = (object?)p.Upvotes ?? DBNull.Value;
        ps[8].Value = (object?)p.Url ?? DBNull.Value;
        ps[9].Value = (object?)p.AiSummary ?? DBNull.Value;
        ps[10].Value = p.AiKeywords.Count == 0 ? "[]" : JsonSerializer.Serialize(p.AiKeywords);
        ps[11].Value = (object?)p.Date?.DayNumber ?? DBNull.Value;
        ps[12].Value = lengths.Title;
        ps[13].Value = lengths.Abstract;
    }
}

/// <summary>Number of index terms in a paper's title and abstract.</summary>
internal readonly record struct DocumentLengths(int Title, int Abstract);
