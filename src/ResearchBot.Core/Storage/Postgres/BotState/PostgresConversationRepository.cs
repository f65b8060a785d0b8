using ResearchBot.BotState;
using static ResearchBot.Storage.Postgres.BotState.PostgresBotStateSql;

namespace ResearchBot.Storage.Postgres.BotState;

/// <summary>Conversations in the PostgreSQL store (table <c>bot_conversations</c>), turns and shown list as JSON, shared by every process on it.</summary>
public sealed class PostgresConversationRepository(PostgresDatabase db) : IConversationRepository
{
    public async Task<ConversationState?> GetAsync(string channelId, CancellationToken cancellationToken = default)
    {
        await using var c = db.Open();
        await using var cmd = Command(c, "SELECT started, turns, shown, updated_at FROM bot_conversations WHERE channel_id = @id", ("id", channelId));
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
        if (!await r.ReadAsync(cancellationToken)) return null;
        return new ConversationState(channelId, r.GetBoolean(0), ConversationJson.ParseTurns(r.GetString(1)), ConversationJson.ParseShown(TextOrNull(r, 2)), Time(r, 3));
    }

    public async Task SaveAsync(ConversationState conversation, CancellationToken cancellationToken = default)
    {
        await using var c = db.Open();
        await using var cmd = Command(c, """
            INSERT INTO bot_conversations(channel_id, started, turns, shown, updated_at) VALUES (@id, @started, @turns, @shown, @updated)
            ON CONFLICT (channel_id) DO UPDATE SET started = excluded.started, turns = excluded.turns, shown = excluded.shown, updated_at = excluded.updated_at
            """,
            ("id", conversation.ChannelId), ("started", conversation.Started), ("turns", ConversationJson.Turns(conversation.Turns)),
            ("shown", ConversationJson.Shown(conversation.Shown)), ("updated", Utc(conversation.UpdatedAt)));
        await cmd.ExecuteNonQueryAsync(cancellationToken);
    }
}
