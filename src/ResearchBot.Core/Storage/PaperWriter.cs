using Microsoft.Data.Sqlite;
using ResearchBot.Papers;

namespace ResearchBot.Storage;

/// <summary>Prepared statements that write papers, listings, FTS title entries and vectors inside one transaction.</summary>
internal sealed class PaperWriter : IDisposable
{
    private readonly SqliteCommand _insert, _update, _listing, _ftsAdd, _ftsDelete, _vector;

    public PaperWriter(SqliteConnection c, SqliteTransaction tx)
    {
        _insert = Prepare(c, tx, "INSERT INTO papers(id, title_key, title, abstract, authors, author_count, published, upvotes, url, ai_summary, ai_keywords, date, title_len, abstract_len, doc) " +
            "VALUES ($id, $key, $title, $abstract, $authors, $author_count, $published, $upvotes, $url, $ai_summary, $ai_keywords, $date, $title_len, $abstract_len, $doc)");
        PaperRows.AddParameters(_insert);
        _insert.Parameters.Add("$doc", SqliteType.Integer);
        _update = Prepare(c, tx, "UPDATE papers SET id=$id, title_key=$key, title=$title, abstract=$abstract, authors=$authors, author_count=$author_count, " +
            "published=$published, upvotes=$upvotes, url=$url, ai_summary=$ai_summary, ai_keywords=$ai_keywords, date=$date, title_len=$title_len, abstract_len=$abstract_len WHERE doc=$doc");
        PaperRows.AddParameters(_update);
        _update.Parameters.Add("$doc", SqliteType.Integer);
        _listing = Prepare(c, tx, "INSERT OR IGNORE INTO listings(doc, day, source, position) VALUES ($doc, $day, $source, $pos)", "$doc", "$day", "$source", "$pos");
        _ftsAdd = Prepare(c, tx, "INSERT INTO titles_fts(rowid, title) VALUES ($doc, $title)", "$doc", "$title");
        _ftsDelete = Prepare(c, tx, "INSERT INTO titles_fts(titles_fts, rowid, title) VALUES ('delete', $doc, $title)", "$doc", "$title");
        _vector = Prepare(c, tx, "INSERT OR REPLACE INTO embeddings(doc, vector) VALUES ($doc, $v)", "$doc", "$v");
    }

    /// <summary>Inserts (as document <paramref name="doc"/>) or updates a paper and adds its listings; returns its document number.</summary>
    public int Write(Paper paper, int doc, bool isNew, DocumentLengths lengths, int batchPosition)
    {
        var command = isNew ? _insert : _update;
        PaperRows.Bind(command, paper, lengths);
        command.Parameters[^1].Value = doc;
        command.ExecuteNonQuery();
        var number = doc;
        var position = 0;
        foreach (var l in paper.Listings)
            Run(_listing, number, l.Day.ToString("yyyy-MM-dd"), l.Source, batchPosition * 16 + position++);
        return number;
    }

    public void IndexTitle(int doc, string title) => Run(_ftsAdd, doc, title);

    public void RemoveTitle(int doc, string title) => Run(_ftsDelete, doc, title);

    /// <summary>Stores an embedding already encoded with <see cref="VectorCodec"/>.</summary>
    public void WriteVector(int doc, byte[] encoded) => Run(_vector, doc, encoded);

    private static void Run(SqliteCommand cmd, params object[] values)
    {
        for (var i = 0; i < values.Length; i++) cmd.Parameters[i].Value = values[i];
        cmd.ExecuteNonQuery();
    }

    private static SqliteCommand Prepare(SqliteConnection c, SqliteTransaction tx, string sql, params string[] parameters)
    {
        var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        foreach (var p in parameters) cmd.Parameters.Add(p, SqliteType.Text);
        return cmd;
    }

    public void Dispose()
    {
        foreach (var c in new[] { _insert, _update, _listing, _ftsAdd, _ftsDelete, _vector }) c.Dispose();
    }
}
