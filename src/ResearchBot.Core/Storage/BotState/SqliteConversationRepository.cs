using System.Globalization;
using ResearchBot.BotState;

namespace ResearchBot.Storage.BotState;

/// <summary>Conversations in the SQLite store, turns and shown list as JSON.</summary>
public sealed class SqliteConversationRepository(BotStateTables tables) : IConversationRepository
{
    public async Task<ConversationState?> GetAsync(string channelId, CancellationToken cancellationToken = default)
    {
        await using var c = tables.Open();
        await using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT started, turns, shown, updated_at FROM bot_conversations WHERE channel_id = $id";
        cmd.Parameters.AddWithValue("$id", channelId);
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
        if (!await r.ReadAsync(cancellationToken)) return null;
        return new ConversationState(
            channelId,
            r.GetInt64(0) != 0,
            ConversationJson.ParseTurns(r.GetString(1)),
            ConversationJson.ParseShown(r.IsDBNull(2) ? null : r.GetString(2)),
            DateTimeOffset.Parse(r.GetString(3), CultureInfo.InvariantCulture));
    }

    public async Task SaveAsync(ConversationState conversation, CancellationToken cancellationToken = default)
    {
        await using var c = tables.Open();
        await using var cmd = c.CreateCommand();
        cmd.CommandText = """
            INSERT INTO bot_conversations (channel_id, started, turns, shown, updated_at) VALUES ($id, $started, $turns, $shown, $updated)
            ON CONFLICT(channel_id) DO UPDATE SET started = excluded.started, turns = excluded.turns, shown = excluded.shown, updated_at = excluded.updated_at
            """;
        cmd.Parameters.AddWithValue("$id", conversation.ChannelId);
        cmd.Parameters.AddWithValue("$started", conversation.Started ? 1 : 0);
        cmd.Parameters.AddWithValue("$turns", ConversationJson.Turns(conversation.Turns));
        cmd.Parameters.AddWithValue("$shown", (object?)ConversationJson.Shown(conversation.Shown) ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$updated", conversation.UpdatedAt.ToString("O", CultureInfo.InvariantCulture));
        await cmd.ExecuteNonQueryAsync(cancellationToken);
    }
}
