using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using ResearchBot.Papers;

namespace ResearchBot.Storage.Postgres;

/// <summary>Reads and writes <see cref="Paper"/> rows of the PostgreSQL store.</summary>
internal static class PostgresPaperRows
{
    public const string Columns = "doc, id, title, abstract, authors, author_count, published, upvotes, url, ai_summary, ai_keywords";

    public static string Prefixed(string alias) => string.Join(", ", Columns.Split(", ").Select(c => alias + "." + c));

    public static (int Doc, Paper Paper) Read(NpgsqlDataReader r) => (r.GetInt32(0), new Paper
    {
        Id = r.GetString(1),
        Title = r.GetString(2),
        Abstract = r.GetString(3),
        Authors = JsonSerializer.Deserialize<string[]>(r.GetString(4)) ?? [],
        AuthorCount = r.IsDBNull(5) ? null : r.GetInt32(5),
        Published = r.IsDBNull(6) ? null : r.GetFieldValue<DateOnly>(6),
        Upvotes = r.IsDBNull(7) ? null : r.GetInt32(7),
        Url = r.IsDBNull(8) ? null : r.GetString(8),
        AiSummary = r.IsDBNull(9) ? null : r.GetString(9),
        AiKeywords = JsonSerializer.Deserialize<string[]>(r.GetString(10)) ?? [],
    });

    /// <summary>Reads the rows of <paramref name="cmd"/> (which selects <see cref="Columns"/> first) with their listings.</summary>
    public static List<(int Doc, Paper Paper)> ReadWithListings(NpgsqlConnection c, NpgsqlTransaction? tx, NpgsqlCommand cmd)
    {
        var rows = new List<(int, Paper)>();
        using (var r = cmd.ExecuteReader()) while (r.Read()) rows.Add(Read(r));
        return WithListings(c, tx, rows);
    }

    /// <summary>Loads the listings of the given documents and attaches them.</summary>
    public static List<(int Doc, Paper Paper)> WithListings(NpgsqlConnection c, NpgsqlTransaction? tx, List<(int Doc, Paper Paper)> rows)
    {
        if (rows.Count == 0) return rows;
        var listings = Listings(c, tx, rows.Select(r => r.Doc).ToArray());
        return [.. rows.Select(r => listings.TryGetValue(r.Doc, out var l) ? (r.Doc, r.Paper with { Listings = l }) : r)];
    }

    public static Dictionary<int, List<Listing>> Listings(NpgsqlConnection c, NpgsqlTransaction? tx, int[] docs)
    {
        var listings = new Dictionary<int, List<Listing>>();
        using var cmd = new NpgsqlCommand("SELECT doc, day, source FROM listings WHERE doc = ANY(@docs) ORDER BY day, source COLLATE \"C\"", c, tx);
        cmd.Parameters.AddWithValue("docs", docs);
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            var d = r.GetInt32(0);
            if (!listings.TryGetValue(d, out var l)) listings[d] = l = [];
            l.Add(new Listing(r.GetFieldValue<DateOnly>(1), r.GetString(2)));
        }
        return listings;
    }

    /// <summary>Writes one paper row in binary COPY order (see <see cref="CopyColumns"/>).</summary>
    public static void Write(NpgsqlBinaryImporter w, int doc, Paper p, DocumentLengths lengths)
    {
        w.StartRow();
        w.Write(doc, NpgsqlDbType.Integer);
        foreach (var (value, _) in Values(p, lengths))
        {
            switch (value)
            {
                case null: w.WriteNull(); break;
                case string s: w.Write(s, NpgsqlDbType.Text); break;
                case int i: w.Write(i, NpgsqlDbType.Integer); break;
                case DateOnly d: w.Write(d, NpgsqlDbType.Date); break;
                default: throw new InvalidOperationException($"no COPY mapping for {value.GetType().Name}");
            }
        }
    }

    public const string CopyColumns = "doc, id, title_key, title, abstract, authors, author_count, published, upvotes, url, ai_summary, ai_keywords, date, title_len, abstract_len";

    /// <summary>Binds the same values to parameters @p1..@p14 of an UPDATE.</summary>
    public static void Bind(NpgsqlParameterCollection parameters, Paper p, DocumentLengths lengths)
    {
        var i = 1;
        foreach (var (value, type) in Values(p, lengths))
            parameters.Add(new NpgsqlParameter("p" + i++, type) { Value = value ?? DBNull.Value });
    }

    public const string UpdateSet = "id=@p1, title_key=@p2, title=@p3, abstract=@p4, authors=@p5, author_count=@p6, published=@p7, upvotes=@p8, url=@p9, " +
        "ai_summary=@p10, ai_keywords=@p11, date=@p12, title_len=@p13, abstract_len=@p14";

    private static (object? Value, NpgsqlDbType Type)[] Values(Paper p, DocumentLengths lengths) =>
    [
        (p.Id, NpgsqlDbType.Text),
        (p.TitleKey, NpgsqlDbType.Text),
        (p.Title, NpgsqlDbType.Text),
        (p.Abstract, NpgsqlDbType.Text),
        (p.Authors.Count == 0 ? "[]" : JsonSerializer.Serialize(p.Authors), NpgsqlDbType.Text),
        (p.AuthorCount ?? (p.Authors.Count > 0 ? p.Authors.Count : null), NpgsqlDbType.Integer),
        (p.Published, NpgsqlDbType.Date),
        (p.Upvotes, NpgsqlDbType.Integer),
        (p.Url, NpgsqlDbType.Text),
        (p.AiSummary, NpgsqlDbType.Text),
        (p.AiKeywords.Count == 0 ? "[]" : JsonSerializer.Serialize(p.AiKeywords), NpgsqlDbType.Text),
        (p.Date?.DayNumber, NpgsqlDbType.Integer),
        (lengths.Title, NpgsqlDbType.Integer),
        (lengths.Abstract, NpgsqlDbType.Integer),
    ];
}
