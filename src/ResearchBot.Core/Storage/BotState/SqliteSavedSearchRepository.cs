using ResearchBot.Answering;
using ResearchBot.BotState;
using static ResearchBot.Storage.BotState.BotStateDatabase;
using static ResearchBot.Storage.BotState.BotStateJson;

namespace ResearchBot.Storage.BotState;

/// <summary><see cref="ISavedSearchRepository"/> in the SQLite store (table <c>bot_searches</c>).</summary>
public sealed class SqliteSavedSearchRepository(SqliteConnectionFactory factory) : ISavedSearchRepository
{
    private readonly BotStateDatabase _db = new(factory, """
        CREATE TABLE IF NOT EXISTS bot_searches(
            key TEXT PRIMARY KEY, query TEXT NOT NULL, user_id TEXT NOT NULL, results_json TEXT NOT NULL,
            papers_in_range INTEGER NOT NULL, at TEXT NOT NULL) WITHOUT ROWID;
        """);

    public async Task SaveAsync(SavedSearch search, CancellationToken cancellationToken = default)
    {
        await using var c = _db.Open();
        await using var cmd = Command(c,
            "INSERT OR REPLACE INTO bot_searches(key, query, user_id, results_json, papers_in_range, at) VALUES ($k, $q, $u, $r, $n, $at)",
            ("$k", search.Key), ("$q", search.Query), ("$u", search.UserId), ("$r", ToJson(search.Results)), ("$n", search.PapersInRange), ("$at", Time(search.At)));
        await cmd.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<SavedSearch?> GetAsync(string key, CancellationToken cancellationToken = default)
    {
        await using var c = _db.Open();
        await using var cmd = Command(c, "SELECT key, query, user_id, results_json, papers_in_range, at FROM bot_searches WHERE key = $k", ("$k", key));
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
        if (!await r.ReadAsync(cancellationToken)) return null;
        return new SavedSearch(r.GetString(0), r.GetString(1), r.GetString(2), FromJson<List<AnswerSource>>(r.GetString(3)), r.GetInt32(4), Time(r.GetString(5)));
    }
}
