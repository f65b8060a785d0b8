namespace ResearchBot.Storage.Postgres.BotState;

/// <summary>
/// The bot's own tables in a PostgreSQL store: the same conversations, server settings, token usage, posted answers,
/// saved searches, feedback and subscriptions as the SQLite store keeps. Created with the rest of the schema (under the
/// write lock, so processes starting together do not race). Job runs share the store's <c>job_runs</c> table.
/// </summary>
internal static class PostgresBotStateSchema
{
    public const string Ddl = """
        CREATE TABLE IF NOT EXISTS bot_conversations(
            channel_id text PRIMARY KEY, started boolean NOT NULL, turns text NOT NULL, shown text, updated_at timestamptz NOT NULL);
        CREATE TABLE IF NOT EXISTS bot_guild_settings(
            guild_id text PRIMARY KEY, digest_channel_id text, digest_time time, time_zone text, interests text, daily_token_budget bigint);
        CREATE TABLE IF NOT EXISTS bot_token_usage(
            guild_id text NOT NULL, day date NOT NULL, tokens bigint NOT NULL, PRIMARY KEY(guild_id, day));
        CREATE TABLE IF NOT EXISTS bot_answers(
            key text PRIMARY KEY, guild_id text, channel_id text NOT NULL, question text NOT NULL,
            sources_json text NOT NULL, citations_json text NOT NULL, at timestamptz NOT NULL);
        CREATE TABLE IF NOT EXISTS bot_answer_messages(message_id text PRIMARY KEY, answer_key text NOT NULL);
        CREATE TABLE IF NOT EXISTS bot_searches(
            key text PRIMARY KEY, query text NOT NULL, user_id text NOT NULL, results_json text NOT NULL,
            papers_in_range integer NOT NULL, at timestamptz NOT NULL);
        CREATE TABLE IF NOT EXISTS bot_feedback(
            message_id text NOT NULL, user_id text NOT NULL, vote integer NOT NULL, guild_id text, channel_id text NOT NULL,
            question text NOT NULL, paper_ids_json text NOT NULL, at timestamptz NOT NULL,
            PRIMARY KEY(message_id, user_id, vote));
        CREATE INDEX IF NOT EXISTS bot_feedback_guild ON bot_feedback(guild_id, at);
        CREATE TABLE IF NOT EXISTS bot_subscriptions(
            channel_id text COLLATE "C" NOT NULL, phrase_key text COLLATE "C" NOT NULL, phrase text NOT NULL, guild_id text,
            created_by text NOT NULL, at timestamptz NOT NULL, since date, PRIMARY KEY(channel_id, phrase_key));
        CREATE TABLE IF NOT EXISTS bot_subscription_posts(channel_id text NOT NULL, paper_id text NOT NULL, PRIMARY KEY(channel_id, paper_id));
        """;
}
