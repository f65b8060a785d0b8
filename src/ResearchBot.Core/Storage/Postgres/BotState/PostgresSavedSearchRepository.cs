using ResearchBot.Answering;
using ResearchBot.BotState;
using static ResearchBot.Storage.BotState.BotStateJson;
using static ResearchBot.Storage.Postgres.BotState.PostgresBotStateSql;

namespace ResearchBot.Storage.Postgres.BotState;

/// <summary><see cref="ISavedSearchRepository"/> in the PostgreSQL store (table <c>bot_searches</c>).</summary>
public sealed class PostgresSavedSearchRepository(PostgresDatabase db) : ISavedSearchRepository
{
    public async Task SaveAsync(SavedSearch search, CancellationToken cancellationToken = default)
    {
        await using var c = db.Open();
        await using var cmd = Command(c, """
            INSERT INTO bot_searches(key, query, user_id, results_json, papers_in_range, at) VALUES (@k, @q, @u, @r, @n, @at)
            ON CONFLICT (key) DO UPDATE SET query = excluded.query, user_id = excluded.user_id, results_json = excluded.results_json,
                papers_in_range = excluded.papers_in_range, at = excluded.at
            """,
            ("k", search.Key), ("q", search.Query), ("u", search.UserId), ("r", ToJson(search.Results)), ("n", search.PapersInRange), ("at", Utc(search.At)));
        await cmd.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<SavedSearch?> GetAsync(string key, CancellationToken cancellationToken = default)
    {
        await using var c = db.Open();
        await using var cmd = Command(c, "SELECT key, query, user_id, results_json, papers_in_range, at FROM bot_searches WHERE key = @k", ("k", key));
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
        if (!await r.ReadAsync(cancellationToken)) return null;
        return new SavedSearch(r.GetString(0), r.GetString(1), r.GetString(2), FromJson<List<AnswerSource>>(r.GetString(3)), r.GetInt32(4), Time(r, 5));
    }
}
