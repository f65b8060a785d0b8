using Microsoft.Data.Sqlite;

namespace ResearchBot.Storage;

/// <summary>The store's tables: papers, listings, an FTS5 title index, the lexical index (terms and their appended segments) and the embeddings.</summary>
internal static class SqliteSchema
{
    public const int Version = 1;

    private const string Ddl = """
        CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS papers(
            doc INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            title_key TEXT NOT NULL,
            title TEXT NOT NULL,
            abstract TEXT NOT NULL,
            authors TEXT NOT NULL DEFAULT '[]',
            author_count INTEGER,
            published TEXT,
            upvotes INTEGER,
            url TEXT,
            ai_summary TEXT,
            ai_keywords TEXT NOT NULL DEFAULT '[]',
            date INTEGER,
            title_len INTEGER NOT NULL DEFAULT 0,
            abstract_len INTEGER NOT NULL DEFAULT 0);
        CREATE INDEX IF NOT EXISTS papers_date ON papers(date);
        CREATE INDEX IF NOT EXISTS papers_title_key ON papers(title_key);
        -- Covers what search loads per paper, so opening a large store scans this index, not every abstract.
        CREATE INDEX IF NOT EXISTS papers_stats ON papers(doc, title_len, abstract_len, date);
        CREATE TABLE IF NOT EXISTS listings(
            doc INTEGER NOT NULL REFERENCES papers(doc),
            day TEXT NOT NULL,
            source TEXT NOT NULL,
            position INTEGER NOT NULL,
            PRIMARY KEY(doc, day, source)) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS listings_day ON listings(day, position);
        CREATE VIRTUAL TABLE IF NOT EXISTS titles_fts USING fts5(title, content='papers', content_rowid='doc', tokenize='porter unicode61');
        CREATE TABLE IF NOT EXISTS terms(term TEXT PRIMARY KEY, df INTEGER NOT NULL, postings BLOB NOT NULL) WITHOUT ROWID;
        -- Postings appended to a term since its row in terms was written: documents newer than all before (SqliteTermRows).
        CREATE TABLE IF NOT EXISTS term_segments(term TEXT NOT NULL, seg INTEGER NOT NULL, df INTEGER NOT NULL, postings BLOB NOT NULL,
            PRIMARY KEY(term, seg)) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS embeddings(doc INTEGER PRIMARY KEY, vector BLOB NOT NULL);
        CREATE TABLE IF NOT EXISTS search_image(section TEXT NOT NULL, chunk INTEGER NOT NULL, data BLOB NOT NULL, PRIMARY KEY(section, chunk));
        """;

    public static void Create(SqliteConnection connection)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = Ddl;
        cmd.ExecuteNonQuery();
        using var v = connection.CreateCommand();
        v.CommandText = "INSERT OR IGNORE INTO meta(key, value) VALUES ('schema_version', $v)";
        v.Parameters.AddWithValue("$v", Version.ToString());
        v.ExecuteNonQuery();
    }
}
