using Npgsql;
using ResearchBot.Storage.Postgres.BotState;

namespace ResearchBot.Storage.Postgres;

/// <summary>The tables of a PostgreSQL store: the same papers, listings, lexical index and embeddings as the SQLite store, plus finished scheduled jobs and the bot's state (<see cref="PostgresBotStateSchema"/>).</summary>
internal static class PostgresSchema
{
    public const int Version = 1;

    /// <summary>Advisory lock key under which the schema is created and every write runs (one writer at a time across processes).</summary>
    public const long WriteLock = 0x5265_7365_6172_6368; // "Research"

    /// <summary>The channel a committed write notifies with the new generation.</summary>
    public const string Channel = "researchbot_generation";

    private const string Ddl = """
        CREATE TABLE IF NOT EXISTS meta(key text PRIMARY KEY, value text NOT NULL);
        CREATE TABLE IF NOT EXISTS papers(
            doc integer PRIMARY KEY,
            id text NOT NULL UNIQUE,
            title_key text NOT NULL,
            title text NOT NULL,
            abstract text NOT NULL,
            authors text NOT NULL DEFAULT '[]',
            author_count integer,
            published date,
            upvotes integer,
            url text,
            ai_summary text,
            ai_keywords text NOT NULL DEFAULT '[]',
            date integer,
            title_len integer NOT NULL DEFAULT 0,
            abstract_len integer NOT NULL DEFAULT 0);
        CREATE INDEX IF NOT EXISTS papers_date ON papers(date);
        CREATE INDEX IF NOT EXISTS papers_title_key ON papers(title_key);
        CREATE INDEX IF NOT EXISTS papers_title_words ON papers USING gin (to_tsvector('english', title));
        CREATE TABLE IF NOT EXISTS listings(
            doc integer NOT NULL REFERENCES papers(doc) ON DELETE CASCADE,
            day date NOT NULL,
            source text NOT NULL,
            position integer NOT NULL,
            PRIMARY KEY(doc, day, source));
        CREATE INDEX IF NOT EXISTS listings_day ON listings(day, position);
        CREATE TABLE IF NOT EXISTS terms(term text COLLATE "C" PRIMARY KEY, df integer NOT NULL, postings bytea NOT NULL);
        CREATE TABLE IF NOT EXISTS embeddings(doc integer PRIMARY KEY REFERENCES papers(doc) ON DELETE CASCADE, vector bytea NOT NULL);
        CREATE TABLE IF NOT EXISTS job_runs(job text NOT NULL, occurrence text NOT NULL, finished timestamptz NOT NULL DEFAULT now(), PRIMARY KEY(job, occurrence));
        INSERT INTO meta(key, value) VALUES ('schema_version', '1'), ('generation', '0') ON CONFLICT (key) DO NOTHING;
        """;

    /// <summary>Creates the tables when missing; processes starting together wait for each other on the write lock.</summary>
    public static void Create(NpgsqlDataSource db)
    {
        using var c = db.OpenConnection();
        using var tx = c.BeginTransaction();
        using (var lockCmd = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@k)", c, tx))
        {
            lockCmd.Parameters.AddWithValue("k", WriteLock);
            lockCmd.ExecuteNonQuery();
        }
        using (var cmd = new NpgsqlCommand(Ddl, c, tx)) cmd.ExecuteNonQuery();
        using (var cmd = new NpgsqlCommand(PostgresBotStateSchema.Ddl, c, tx)) cmd.ExecuteNonQuery();
        tx.Commit();
    }
}
