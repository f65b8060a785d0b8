using ResearchBot.Answering;
using ResearchBot.BotState;
using static ResearchBot.Storage.BotState.BotStateJson;
using static ResearchBot.Storage.Postgres.BotState.PostgresBotStateSql;

namespace ResearchBot.Storage.Postgres.BotState;

/// <summary><see cref="IPostedAnswerRepository"/> in the PostgreSQL store (tables <c>bot_answers</c>, <c>bot_answer_messages</c>).</summary>
public sealed class PostgresPostedAnswerRepository(PostgresDatabase db) : IPostedAnswerRepository
{
    private const string Columns = "a.key, a.guild_id, a.channel_id, a.question, a.sources_json, a.citations_json, a.at";

    public async Task SaveAsync(PostedAnswer answer, CancellationToken cancellationToken = default)
    {
        await using var c = db.Open();
        await using var cmd = Command(c, """
            INSERT INTO bot_answers(key, guild_id, channel_id, question, sources_json, citations_json, at) VALUES (@k, @g, @c, @q, @s, @n, @at)
            ON CONFLICT (key) DO UPDATE SET guild_id = excluded.guild_id, channel_id = excluded.channel_id, question = excluded.question,
                sources_json = excluded.sources_json, citations_json = excluded.citations_json, at = excluded.at
            """,
            ("k", answer.Key), ("g", answer.GuildId), ("c", answer.ChannelId), ("q", answer.Question),
            ("s", ToJson(answer.Sources)), ("n", ToJson(answer.Citations)), ("at", Utc(answer.At)));
        await cmd.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task AddMessagesAsync(string key, IReadOnlyList<string> messageIds, CancellationToken cancellationToken = default)
    {
        await using var c = db.Open();
        await using var cmd = Command(c, """
            INSERT INTO bot_answer_messages(message_id, answer_key) SELECT m, @k FROM unnest(@m) AS m
            ON CONFLICT (message_id) DO UPDATE SET answer_key = excluded.answer_key
            """, ("k", key), ("m", messageIds.Distinct(StringComparer.Ordinal).ToArray()));
        await cmd.ExecuteNonQueryAsync(cancellationToken);
    }

    public Task<PostedAnswer?> GetAsync(string key, CancellationToken cancellationToken = default) =>
        QueryAsync($"SELECT {Columns} FROM bot_answers a WHERE a.key = @v", key, cancellationToken);

    public Task<PostedAnswer?> FindByMessageAsync(string messageId, CancellationToken cancellationToken = default) =>
        QueryAsync($"SELECT {Columns} FROM bot_answer_messages m JOIN bot_answers a ON a.key = m.answer_key WHERE m.message_id = @v", messageId, cancellationToken);

    private async Task<PostedAnswer?> QueryAsync(string sql, string value, CancellationToken cancellationToken)
    {
        await using var c = db.Open();
        await using var cmd = Command(c, sql, ("v", value));
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
        if (!await r.ReadAsync(cancellationToken)) return null;
        return new PostedAnswer(r.GetString(0), TextOrNull(r, 1), r.GetString(2), r.GetString(3),
            FromJson<List<AnswerSource>>(r.GetString(4)), FromJson<List<int>>(r.GetString(5)), Time(r, 6));
    }
}
