using Microsoft.Data.Sqlite;
using ResearchBot.BotState;
using static ResearchBot.Storage.BotState.BotStateDatabase;
using static ResearchBot.Storage.BotState.BotStateJson;

namespace ResearchBot.Storage.BotState;

/// <summary><see cref="IFeedbackRepository"/> in the SQLite store (table <c>bot_feedback</c>).</summary>
public sealed class SqliteFeedbackRepository(SqliteConnectionFactory factory) : IFeedbackRepository
{
    private readonly BotStateDatabase _db = new(factory, """
        CREATE TABLE IF NOT EXISTS bot_feedback(
            message_id TEXT NOT NULL, user_id TEXT NOT NULL, vote INTEGER NOT NULL, guild_id TEXT, channel_id TEXT NOT NULL,
            question TEXT NOT NULL, paper_ids_json TEXT NOT NULL, at TEXT NOT NULL,
            PRIMARY KEY(message_id, user_id, vote)) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS bot_feedback_guild ON bot_feedback(guild_id, at);
        """);

    private const string Columns = "guild_id, channel_id, message_id, user_id, vote, question, paper_ids_json, at";

    public async Task<bool> AddAsync(FeedbackEntry entry, CancellationToken cancellationToken = default)
    {
        await using var c = _db.Open();
        await using var cmd = Command(c,
            $"INSERT OR IGNORE INTO bot_feedback({Columns}) VALUES ($g, $c, $m, $u, $v, $q, $p, $at)",
            ("$g", entry.GuildId), ("$c", entry.ChannelId), ("$m", entry.MessageId), ("$u", entry.UserId), ("$v", (int)entry.Vote),
            ("$q", entry.Question), ("$p", ToJson(entry.PaperIds)), ("$at", Time(entry.At)));
        return await cmd.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    public async Task<bool> RemoveAsync(string messageId, string userId, FeedbackVote vote, CancellationToken cancellationToken = default)
    {
        await using var c = _db.Open();
        await using var cmd = Command(c, "DELETE FROM bot_feedback WHERE message_id = $m AND user_id = $u AND vote = $v", ("$m", messageId), ("$u", userId), ("$v", (int)vote));
        return await cmd.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    public async Task<FeedbackCounts> CountsAsync(string guildId, DateTimeOffset since, int recent, CancellationToken cancellationToken = default)
    {
        await using var c = _db.Open();
        int up = 0, down = 0;
        await using (var cmd = Command(c, "SELECT vote, COUNT(*) FROM bot_feedback WHERE guild_id = $g AND at >= $since GROUP BY vote", ("$g", guildId), ("$since", Time(since))))
        await using (var r = await cmd.ExecuteReaderAsync(cancellationToken))
            while (await r.ReadAsync(cancellationToken))
                if (r.GetInt32(0) > 0) up = r.GetInt32(1); else down = r.GetInt32(1);
        var latest = await ReadAsync(c, $"SELECT {Columns} FROM bot_feedback WHERE guild_id = $g AND at >= $since ORDER BY at DESC LIMIT $n",
            cancellationToken, ("$g", guildId), ("$since", Time(since)), ("$n", recent));
        return new FeedbackCounts(up, down, latest);
    }

    public async Task<IReadOnlyList<FeedbackEntry>> ForGuildAsync(string guildId, int max, CancellationToken cancellationToken = default)
    {
        await using var c = _db.Open();
        return await ReadAsync(c, $"SELECT {Columns} FROM bot_feedback WHERE guild_id = $g ORDER BY at DESC LIMIT $n", cancellationToken, ("$g", guildId), ("$n", max));
    }

    private static async Task<IReadOnlyList<FeedbackEntry>> ReadAsync(SqliteConnection c, string sql, CancellationToken cancellationToken, params (string, object?)[] parameters)
    {
        await using var cmd = Command(c, sql, parameters);
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
        var list = new List<FeedbackEntry>();
        while (await r.ReadAsync(cancellationToken))
            list.Add(new FeedbackEntry(TextOrNull(r, 0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetInt32(4) > 0 ? FeedbackVote.Up : FeedbackVote.Down,
                r.GetString(5), FromJson<List<string>>(r.GetString(6)), Time(r.GetString(7))));
        return list;
    }
}
